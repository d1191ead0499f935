#ifndef VISNYK_CLIBXML2_SHIM_H
#define VISNYK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers then clash with Foundation's
// bundled ICU ("UErrorCode has different definitions"). We never use the ICU
// encoding handlers, so hide them.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function-pointer variable: Swift 6 rejects it as not concurrency-safe.
static inline void visnyk_xml_free(void *p) { xmlFree(p); }

// Refuses every external entity and DTD: feeds are untrusted.
static inline xmlParserInputPtr visnyk_refusing_entity_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void visnyk_install_refusing_entity_loader(void) {
    xmlSetExternalEntityLoader(visnyk_refusing_entity_loader);
}
#endif
