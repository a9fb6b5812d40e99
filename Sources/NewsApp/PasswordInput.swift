import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a new password the safe way: from standard input when it is piped, otherwise from a prompt that does not echo
/// and asks twice. Never from a flag, where it would end up in shell history and process lists.
public enum PasswordInput {
    /// The password, or a ConfigurationError saying why there is none.
    public static func readNewPassword() throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ConfigurationError(problems: ["password: expected the password on standard input"])
            }
            return line
        }
        let first = try prompt("Mật khẩu (password): ")
        let second = try prompt("Nhập lại (again): ")
        guard first == second else { throw ConfigurationError(problems: ["password: the two entries differ"]) }
        return first
    }

    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw ConfigurationError(problems: ["password: no input"])
        }
        return line
    }
}
