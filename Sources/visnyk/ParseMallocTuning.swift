/// glibc malloc settings for the one-shot `parse` command, which allocates and frees buffers of
/// megabytes per feed: with the defaults each of them is a fresh mmap (whose pages fault in
/// again) and the heap top is trimmed back to the system after large frees. Keeping them on
/// the heap cut minor page faults about fourfold on the bench corpus. Not for the daemon, whose
/// resident memory is budgeted: only `parse` calls this.
enum ParseMallocTuning {
    static func apply() {
        #if os(Linux) && canImport(Glibc)
        // <malloc.h> is not part of Swift's Glibc module; these are its parameter numbers.
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = glibcMallopt(mmapThreshold, 64 << 20)
        _ = glibcMallopt(trimThreshold, 128 << 20)
        _ = glibcMallopt(topPad, 16 << 20)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// `int mallopt(int param, int value)` of glibc.
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
