#ifndef VISNYK_CCURL_SHIM_H
#define VISNYK_CCURL_SHIM_H
#include <curl/curl.h>

// Swift cannot call C variadic functions: fixed-arity wrappers for the ones we use.
static inline CURLcode visnyk_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode visnyk_easy_setopt_int64(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode visnyk_easy_setopt_ptr(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode visnyk_easy_setopt_str(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode visnyk_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*visnyk_write_fn)(char *, size_t, size_t, void *);
static inline CURLcode visnyk_easy_setopt_writefn(CURL *h, CURLoption o, visnyk_write_fn v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*visnyk_read_fn)(char *, size_t, size_t, void *);
static inline CURLcode visnyk_easy_setopt_readfn(CURL *h, CURLoption o, visnyk_read_fn v) { return curl_easy_setopt(h, o, v); }
typedef int (*visnyk_debug_fn)(CURL *, curl_infotype, char *, size_t, void *);
static inline CURLcode visnyk_easy_setopt_debugfn(CURL *h, CURLoption o, visnyk_debug_fn v) { return curl_easy_setopt(h, o, v); }
typedef int (*visnyk_xferinfo_fn)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode visnyk_easy_setopt_xferinfofn(CURL *h, CURLoption o, visnyk_xferinfo_fn v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode visnyk_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode visnyk_easy_getinfo_str(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode visnyk_easy_getinfo_int64(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLMcode visnyk_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

#endif
