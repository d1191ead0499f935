import Foundation
import Testing
@testable import VisnykKit
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SystemdNotifierTests {
    @Test(arguments: [false, true])
    func sendsEveryMessageAsOneDatagram(abstract: Bool) throws {
        let socket = try NotifySocket(abstract: abstract)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "60000000"])
        #expect(notifier.isEnabled)
        notifier.ready(status: "polling 3 sources")
        #expect(socket.receive() == "READY=1\nSTATUS=polling 3 sources")
        notifier.ready()
        #expect(socket.receive() == "READY=1")
        notifier.status("last cycle: 2 new")
        #expect(socket.receive() == "STATUS=last cycle: 2 new")
        notifier.watchdog()
        #expect(socket.receive() == "WATCHDOG=1")
        notifier.stopping()
        #expect(socket.receive() == "STOPPING=1")
        #expect(socket.receive() == nil)
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        let socket = try NotifySocket(abstract: true)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address])
        let before = SystemdNotifier.monotonicMicroseconds()
        notifier.reloading()
        let after = SystemdNotifier.monotonicMicroseconds()
        let message = try #require(socket.receive())
        let lines = message.split(separator: "\n")
        #expect(lines.first == "RELOADING=1")
        #expect(lines.count == 2)
        let usec = try #require(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) })
        #expect(lines.last?.hasPrefix("MONOTONIC_USEC=") == true)
        #expect(usec >= before && usec <= after)
    }

    @Test func statusCannotSmuggleOtherAssignments() throws {
        let socket = try NotifySocket(abstract: false)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address])
        notifier.status("feed says\nSTOPPING=1\r\nhi")
        #expect(socket.receive() == "STATUS=feed says STOPPING=1  hi")
    }

    @Test func withoutNotifySocketEverythingIsANoOp() {
        let notifier = SystemdNotifier(environment: ["WATCHDOG_USEC": "60000000"])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogInterval == nil)
        #expect(!notifier.send(["READY=1"]))
        notifier.ready(status: "x")
        notifier.watchdog()
        notifier.reloading()
        notifier.stopping()
    }

    @Test func sendErrorsAreSwallowed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("no-listener-\(UUID().uuidString)").path
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": dir + "/gone.sock"])
        #expect(notifier.isEnabled)
        #expect(!notifier.send(["READY=1"]))
        notifier.ready(status: nil)
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": "@visnyk-nobody-\(UUID().uuidString.prefix(8))"])
            .send(["READY=1"]))
    }

    @Test(arguments: ["", "relative/path", "vsock:2:1234", "@", "/" + String(repeating: "x", count: 200)])
    func unusableAddressesDisableNotifications(address: String) {
        #expect(!SystemdNotifier(environment: ["NOTIFY_SOCKET": address]).isEnabled)
    }

    @Test func watchdogIntervalAndPID() throws {
        let socket = try NotifySocket(abstract: true)
        let base = ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "30000000"]
        #expect(SystemdNotifier(environment: base).watchdogInterval == .seconds(30))
        var mine = base
        mine["WATCHDOG_PID"] = String(getpid())
        #expect(SystemdNotifier(environment: mine).watchdogInterval == .seconds(30))
        var other = base
        other["WATCHDOG_PID"] = "1"
        let notForUs = SystemdNotifier(environment: other, processID: 4242)
        #expect(notForUs.watchdogInterval == nil)
        notForUs.watchdog()
        #expect(socket.receive() == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "0"]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "soon"]).watchdogInterval == nil)
        #expect(SystemdNotifier(environment: ["NOTIFY_SOCKET": socket.address]).watchdogInterval == nil)
    }
}
