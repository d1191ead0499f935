/// Bounds glibc's malloc arenas for the daemon. glibc gives a thread that finds the arenas it
/// tried locked a new one, up to 8 per core, and each arena keeps its own freed memory: the
/// threads of the fetcher, the state pool and the task executor then hold megabytes of peak
/// RSS that one shared arena would have reused. Two arenas keep lock contention low on the
/// few threads that allocate much.
enum MallocArenas {
    static func bound() {
        #if os(Linux) && canImport(Glibc)
        // <malloc.h> is not part of Swift's Glibc module; M_ARENA_MAX is its parameter -8.
        _ = glibcMalloptArenas(-8, 2)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// `int mallopt(int param, int value)` of glibc.
@_silgen_name("mallopt")
private func glibcMalloptArenas(_ param: Int32, _ value: Int32) -> Int32
#endif
