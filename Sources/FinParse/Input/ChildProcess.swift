import CProcess
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program run to its end on pipes: what it wrote, and how it ended.
struct ChildProcess {
    /// The exit status (0–255), or minus the signal that ended the program.
    let status: Int32
    let output: [UInt8]
    /// The start of what it wrote on standard error (at most 64 KB are kept).
    let errors: [UInt8]
    /// Whether it was killed for running past its time.
    let timedOut: Bool

    /// The program could not be started: the system's reason.
    struct StartFailure: Error, CustomStringConvertible {
        let errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    /// Runs the program at `path` with `arguments`, writing `input` to it while reading
    /// its output and errors, so that no full pipe stalls either side. A program that
    /// stops reading early makes the write fail (EPIPE), not this process end. One still
    /// running after `timeout` seconds is killed: a batch must not wait on it for ever.
    init(_ path: String, arguments: [String], input: [UInt8], timeout: Double) throws(StartFailure) {
        _ = Self.ignoreBrokenPipes
        var pid: pid_t = 0
        var inputFD: Int32 = -1, outputFD: Int32 = -1, errorFD: Int32 = -1
        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let started = (argv + [nil]).withUnsafeBufferPointer {
            fp_process_spawn(path, $0.baseAddress!, &pid, &inputFD, &outputFD, &errorFD)
        }
        guard started == 0 else { throw StartFailure(errno: started) }

        let writer = DispatchGroup()
        DispatchQueue.global().async(group: writer) { [inputFD] in
            _ = input.withUnsafeBytes { SystemFile.writeAll($0, to: inputFD) }
            close(inputFD)
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        (output, errors, timedOut) = Self.readToEnd(outputFD, errorFD, until: deadline)
        // Its pipes are closed: the writer is freed (EPIPE) once it is gone.
        if timedOut { kill(pid, SIGKILL) }
        writer.wait()
        status = fp_process_wait(pid)
    }

    private static let errorsKept = 1 << 16

    /// Reads both descriptors until each ends or `deadline` (on the uptime clock, in
    /// nanoseconds) passes, and closes them; true if the deadline passed.
    private static func readToEnd(_ outputFD: Int32, _ errorFD: Int32,
                                  until deadline: UInt64) -> ([UInt8], [UInt8], Bool) {
        var streams = [pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errorFD, events: Int16(POLLIN), revents: 0)]
        var collected: ([UInt8], [UInt8]) = ([], [])
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var timedOut = false
        while streams.contains(where: { $0.fd >= 0 }) {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                timedOut = true
                break
            }
            let ready = poll(&streams, nfds_t(streams.count), Int32(min((deadline - now) / 1_000_000 + 1, 60_000)))
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in streams.indices where streams[index].fd >= 0 && streams[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(streams[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if index == 0 {
                        collected.0 += buffer[..<count]
                    } else if collected.1.count < errorsKept {
                        collected.1 += buffer[..<min(count, errorsKept - collected.1.count)]
                    }
                } else if count == 0 || errno != EINTR {
                    close(streams[index].fd)
                    streams[index].fd = -1
                }
            }
        }
        // Only when poll itself failed or time ran out: what is still open is closed unread.
        for stream in streams where stream.fd >= 0 { close(stream.fd) }
        return (collected.0, collected.1, timedOut)
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()
}
