#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds out before start-up whether the server could listen on an address, so a busy port is reported clearly with
/// the other configuration problems instead of as a socket error after start.
enum PortCheck {
    /// A sentence naming the problem, or nil when the address and port are free.
    static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            return "cannot listen on \(host):\(port): the host is not an address of this machine"
        }
        defer { freeaddrinfo(result) }
        let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var yes: Int32 = 1
        // The server sets SO_REUSEADDR too, so only a live listener makes the port busy.
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) != 0 {
            switch errno {
            case EADDRINUSE: return "port \(port) on \(host) is already in use (is another toasoan or web server running?)"
            case EACCES: return "no permission to listen on port \(port) (ports below 1024 need privileges)"
            case EADDRNOTAVAIL: return "cannot listen on \(host): it is not an address of this machine"
            default: return "cannot listen on \(host):\(port): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }
}
