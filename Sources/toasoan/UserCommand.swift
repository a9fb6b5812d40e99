import ArgumentParser
import Foundation
import NewsApp

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage newsroom accounts.",
        subcommands: [Add.self, List.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account. The password is read from standard input or a prompt, never from a flag."
        )

        @Option(help: "Login e-mail.")
        var email: String
        @Option(help: "Display name.")
        var name: String
        @Option(help: "Role: phong-vien, bien-tap-vien, thu-ky-toa-soan, tong-bien-tap or quan-tri (repeat for several).")
        var role: [String] = []
        @Option(help: "For a section editor: a section slug they are limited to (repeat for several).")
        var section: [String] = []
        @OptionGroup var storage: DatabaseOptions

        func run() async throws {
            do {
                let location = try storage.location()
                let password = try PasswordInput.readNewPassword()
                let user = try await Operations.withAccounts(location) { accounts in
                    try await accounts.addUser(email: email, name: name, roles: role, sections: section, password: password)
                }
                print("created \(user.email) (\(user.roles.map(\.rawValue).sorted().joined(separator: ", ")))")
            } catch {
                throw fail(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")

        @OptionGroup var storage: DatabaseOptions

        func run() async throws {
            do {
                print(try await Operations.withAccounts(storage.location()) { try await $0.listUsers() })
            } catch {
                throw fail(error)
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and revoke its sessions and tokens.")

        @Option(help: "Login e-mail of the account.")
        var email: String
        @OptionGroup var storage: DatabaseOptions

        func run() async throws {
            do {
                try await Operations.withAccounts(storage.location()) { try await $0.disableUser(email: email) }
                print("disabled \(email.lowercased())")
            } catch {
                throw fail(error)
            }
        }
    }
}
