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

// Refusing private addresses (allow_private_networks = false) where libcurl opens its socket:
// every address of every hop (redirects included) passes here before a connection is made.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

// 1 for IPv4 addresses that are not on the public internet: this network (0/8), private
// (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), loopback (127/8), link-local
// (169.254/16, cloud metadata services among them), IETF protocol assignments (192.0.0/24),
// benchmarking (198.18/15), multicast and reserved (224/3).
static inline int visnyk_is_private_ipv4(uint32_t a) {
    return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 || (a >> 20) == 0xAC1
        || (a >> 16) == 0xC0A8 || (a >> 22) == (0x64400000u >> 22) || (a >> 16) == 0xA9FE
        || (a >> 8) == 0xC00000 || (a >> 17) == (0xC6120000u >> 17) || (a >> 29) == 7;
}

// 1 for IPv6 addresses that are not on the public internet: unspecified, loopback,
// IPv4-mapped and NAT64 forms of private IPv4, unique-local fc00::/7, link-local fe80::/10,
// site-local fec0::/10, multicast ff00::/8.
static inline int visnyk_is_private_ipv6(const unsigned char b[16]) {
    static const unsigned char zeros[16] = {0};
    static const unsigned char mapped[12] = {0,0,0,0,0,0,0,0,0,0,0xff,0xff};
    static const unsigned char nat64[12] = {0,0x64,0xff,0x9b,0,0,0,0,0,0,0,0};
    if (memcmp(b, zeros, 15) == 0 && (b[15] == 0 || b[15] == 1)) return 1;
    if (memcmp(b, mapped, 12) == 0 || memcmp(b, nat64, 12) == 0) {
        uint32_t a = ((uint32_t)b[12] << 24) | ((uint32_t)b[13] << 16) | ((uint32_t)b[14] << 8) | b[15];
        return visnyk_is_private_ipv4(a);
    }
    return (b[0] & 0xfe) == 0xfc || (b[0] == 0xfe && (b[1] & 0x80) == 0x80) || b[0] == 0xff;
}

// 1 when `text` is a numeric IPv4 or IPv6 address off the public internet; for tests and messages.
static inline int visnyk_is_private_address_text(const char *text) {
    struct in_addr v4;
    struct in6_addr v6;
    if (inet_pton(AF_INET, text, &v4) == 1) return visnyk_is_private_ipv4(ntohl(v4.s_addr));
    if (inet_pton(AF_INET6, text, &v6) == 1) return visnyk_is_private_ipv6(v6.s6_addr);
    return 0;
}

// CURLOPT_OPENSOCKETFUNCTION: refuses a private address, writing it as text into `clientp`
// (a buffer of VISNYK_REFUSED_SIZE bytes) so the error can name it; else opens the socket
// as libcurl would, close-on-exec (the daemon runs sendmail).
#define VISNYK_REFUSED_SIZE 64
static inline curl_socket_t visnyk_open_public_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *address) {
    (void)purpose;
    char *refused = (char *)clientp;
    int private_address = 0;
    if (address->family == AF_INET && address->addrlen >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)&address->addr;
        private_address = visnyk_is_private_ipv4(ntohl(in->sin_addr.s_addr));
        if (private_address) inet_ntop(AF_INET, &in->sin_addr, refused, VISNYK_REFUSED_SIZE);
    } else if (address->family == AF_INET6 && address->addrlen >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&address->addr;
        private_address = visnyk_is_private_ipv6(in6->sin6_addr.s6_addr);
        if (private_address) inet_ntop(AF_INET6, &in6->sin6_addr, refused, VISNYK_REFUSED_SIZE);
    } else if (address->family != AF_INET && address->family != AF_INET6) {
        private_address = 1;  // a Unix socket or another family is never a feed server
        strncpy(refused, "a non-IP address", VISNYK_REFUSED_SIZE - 1);
    }
    if (private_address) return CURL_SOCKET_BAD;
    return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

static inline CURLcode visnyk_easy_refuse_private_addresses(CURL *h, char *refused) {
    CURLcode code = curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, visnyk_open_public_socket);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, (void *)refused);
}

#endif
