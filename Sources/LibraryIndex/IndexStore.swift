// The library index: a cache, in SQLite (through GRDB), of what reso learns by parsing a
// document: its metadata, and the texts `reso search` looks at (units, notes, preface…), in
// the order the scan lists them. The documents and the sidecars stay the truth: the cache can
// be deleted at any time, and a cache that is corrupt or was written by a newer reso is set
// aside (renamed) and rebuilt, never trusted.
//
// One file, `$XDG_CACHE_HOME/reso/index.sqlite` (default `~/.cache/reso/`), in WAL mode so that
// readers never wait; writers take `index.lock` (flock), so there is one writer at a time.
import Foundation
import GRDB
import ResolutionKit
#if canImport(Glibc)
import Glibc
#endif

/// Why the index could not be used; the caller warns and scans instead.
public struct IndexUnavailable: Error, CustomStringConvertible {
    public var description: String
}

public final class IndexStore: @unchecked Sendable {
    /// Bumped whenever the schema or the meaning of a stored column changes.
    public static let schemaVersion = 3

    /// Which reso made the index (see `currentBuild`): its parses hold only for that parser.
    public let build: String

    public let folder: String
    public var databasePath: String { folder + "/index.sqlite" }
    let pool: DatabasePool
    /// The document rows as last read (`storedDocuments`), so that the walk's known sizes and
    /// the refresh's plan come from one read of the table; dropped after every write.
    private var storedCache: [String: Stored]?
    private let storedLock = NSLock()
    /// Texts the last `search` read from the index to check against the query: the work a
    /// query costs, which tests count.
    public internal(set) var candidatesRead = 0
    /// Set when an old cache was set aside while opening (the caller may say so).
    public private(set) var setAside: String?

    /// The cache folder: `$XDG_CACHE_HOME/reso`, else `~/.cache/reso`.
    public static func defaultFolder(environment env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let x = env["XDG_CACHE_HOME"], x.hasPrefix("/") { return x + "/reso" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.cache/reso"
    }

    /// Opens (creating when needed) the index in `folder`. A corrupt file, or one with a newer
    /// or foreign schema, is renamed to `index.sqlite.set-aside-<time>` and a new one made; one
    /// an older reso made is replaced.
    /// - Throws: `IndexUnavailable` when the folder cannot hold a database (read-only, full).
    public init(folder: String = IndexStore.defaultFolder(), build: String = IndexStore.currentBuild) throws {
        self.folder = folder
        self.build = build
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IndexUnavailable(description: "cannot create the index folder \(folder): \(Self.reason(error))")
        }
        // The usual case, a cache of this schema, needs no lock: another reso may hold it for
        // minutes while it indexes a cold library, and reading beside it is what WAL is for.
        if FileManager.default.fileExists(atPath: folder + "/index.sqlite"),
           let pool = try? Self.openPool(folder + "/index.sqlite"),
           (try? pool.read { db in try Self.isCurrent(db, build: build) }) == true {
            self.pool = pool
            setAside = nil
            return
        }
        var aside: String?
        var opened: DatabasePool?
        // Else opening checks and may create or set aside the file: one process at a time, or
        // two reso started together on an empty cache would both create the schema.
        let lock = open(folder + "/index.lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard lock >= 0 else {
            throw IndexUnavailable(description: "cannot lock \(folder)/index.lock: \(String(cString: strerror(errno)))")
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(lock, LOCK_UN) }
        for attempt in 0..<2 {
            do {
                let pool = try Self.openPool(folder + "/index.sqlite")
                let version = try pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
                if try pool.read({ db in try Self.isCurrent(db, build: build) }) { opened = pool; break }
                if version == 0 {
                    let tables = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0 }
                    if tables == 0 { try Self.createSchema(pool, build: build); opened = pool; break }
                }
                // Another schema: never trusted. One an older reso made is only a stale cache
                // and is removed, and so is one of this schema that another build of reso made
                // (its parser may have read the documents differently); a newer one, or one
                // not ours, is set aside.
                try pool.close()
                guard attempt == 0 else { break }
                if version > 0 && version <= Self.schemaVersion && Self.isOurs(folder + "/index.sqlite") {
                    for suffix in ["", "-wal", "-shm"] { unlink(folder + "/index.sqlite" + suffix) }
                    continue
                }
                aside = try Self.setAside(folder, because: "schema version \(version)")
            } catch let e as IndexUnavailable {
                throw e
            } catch let e as DatabaseError where Self.isCorruption(e) && attempt == 0 {
                aside = try Self.setAside(folder, because: "\(e.resultCode)")
            } catch {
                throw IndexUnavailable(description: "cannot open the index \(folder)/index.sqlite: \(Self.reason(error))")
            }
        }
        guard let pool = opened else { throw IndexUnavailable(description: "cannot open the index in \(folder)") }
        self.pool = pool
        setAside = aside
    }

    /// True when the database has the tables every schema version of ours has had.
    static func isOurs(_ path: String) -> Bool {
        guard let queue = try? DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }()),
              let names = try? queue.read({ db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
        else { return false }
        try? queue.close()
        return Set(names).isSuperset(of: ["document", "text", "text_fts"])
    }

    static func openPool(_ path: String) throws -> DatabasePool {
        var config = Configuration()
        // Another reso may be writing: wait for it rather than fail.
        config.busyMode = .timeout(30)
        // The unigram table's triggers call it, in every connection that writes texts.
        config.prepareDatabase { db in
            db.add(function: DatabaseFunction("reso_unigrams", argumentCount: 1, pure: true) { values in
                guard let folded = String.fromDatabaseValue(values[0]) else { return nil }
                return FoldedText.unigrams(ofFolded: folded)
            })
        }
        return try DatabasePool(path: path, configuration: config)
    }

    static func isCorruption(_ e: DatabaseError) -> Bool {
        e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB
    }

    /// Renames the database (and its WAL and shared-memory files) out of the way.
    /// - Returns: the new name of the database file.
    static func setAside(_ folder: String, because: String) throws -> String {
        let stamp = Int(Date().timeIntervalSince1970)
        let target = folder + "/index.sqlite.set-aside-\(stamp)-\(getpid())"
        for suffix in ["", "-wal", "-shm"] {
            let from = folder + "/index.sqlite" + suffix
            if FileManager.default.fileExists(atPath: from) {
                guard rename(from, target + suffix) == 0 else {
                    throw IndexUnavailable(description: "cannot set aside the unusable index \(from) (\(because)): \(String(cString: strerror(errno)))")
                }
            }
        }
        return target
    }

    /// True when the database has this schema and was made by this build of reso.
    static func isCurrent(_ db: Database, build: String) throws -> Bool {
        guard try Int.fetchOne(db, sql: "PRAGMA user_version") == schemaVersion else { return false }
        return try String.fetchOne(db, sql: "SELECT stamp FROM build") == build
    }

    /// This reso's executable, by size, modification time and inode: a rebuilt or upgraded
    /// reso may parse documents differently, and `reso tag` takes a document's units from the
    /// index, so an index made by another build is rebuilt rather than trusted. (Two builds
    /// used in turn on one library rebuild it in turn; that costs time, never correctness.)
    public static let currentBuild: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)-\(st.st_ino)"
    }()

    static func createSchema(_ pool: DatabasePool, build: String) throws {
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE build(stamp TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO build(stamp) VALUES (?)", arguments: [build])
            try db.execute(sql: """
                CREATE TABLE document(
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,      -- absolute path as walked (links not resolved)
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,         -- nanoseconds since the epoch
                    hash TEXT NOT NULL,             -- SHA-256 of the file's bytes
                    symbol TEXT, organ TEXT, date TEXT, title TEXT, language TEXT,
                    units INTEGER NOT NULL DEFAULT 0,
                    notes INTEGER NOT NULL DEFAULT 0,
                    tags TEXT NOT NULL DEFAULT '',  -- the notes' distinct tags, sorted, U+001F between
                    sidecar TEXT,                   -- the sidecar path the notes came from
                    sidecar_size INTEGER NOT NULL DEFAULT -1,   -- -1: no sidecar
                    sidecar_mtime INTEGER NOT NULL DEFAULT -1,
                    notes_error TEXT,               -- why the notes could not be read
                    error TEXT                      -- why the document could not be parsed
                );
                CREATE INDEX document_hash ON document(hash);
                CREATE TABLE text(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,   -- never reused: see nextTextID
                    doc INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    paragraph TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    body TEXT NOT NULL,             -- the text as the document has it (snippets)
                    folded TEXT NOT NULL            -- FoldedText.fold(body): what is matched
                );
                CREATE INDEX text_doc ON text(doc, seq);
                -- New texts reach the full-text tables a batch at a time (IndexStore.indexTexts):
                -- an insert trigger per row made building three times slower. Deletions go
                -- through triggers.
                CREATE VIRTUAL TABLE text_fts USING fts5(folded, content='text', content_rowid='id', detail=none,
                                                         columnsize=0, tokenize='trigram case_sensitive 1');
                CREATE TRIGGER text_ad AFTER DELETE ON text BEGIN
                    INSERT INTO text_fts(text_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
                END;
                -- One- and two-character CJK queries have no trigram: their letters one by one,
                -- matched as a phrase (FoldedText.unigrams). Contentless: the text is in `text`.
                CREATE VIRTUAL TABLE unigram_fts USING fts5(letters, content='', columnsize=0,
                                                            tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER text_ad_unigrams AFTER DELETE ON text WHEN reso_unigrams(old.folded) IS NOT NULL BEGIN
                    INSERT INTO unigram_fts(unigram_fts, rowid, letters) VALUES ('delete', old.id, reso_unigrams(old.folded));
                END;
                -- Fewer, larger merges while texts arrive batch by batch: a fifth less build
                -- time, and queries still read few segments.
                INSERT INTO text_fts(text_fts, rank) VALUES ('automerge', 16);
                PRAGMA user_version = \(schemaVersion);
                """)
        }
    }

    static func reason(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        if let e = error as? CocoaError, let u = e.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(u.code)))
        }
        return "\(error)"
    }

    /// Runs `body` holding the writer's lock (`index.lock`), so one process writes at a time.
    func withWriterLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(folder + "/index.lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw IndexUnavailable(description: "cannot lock \(folder)/index.lock: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw IndexUnavailable(description: "cannot lock \(folder)/index.lock") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Every document row by absolute path: the cached read unless `fresh` (under the writer's
    /// lock, where another process may just have written).
    /// - Complexity: O(rows) on a read; O(1) from the cache.
    func storedDocuments(fresh: Bool) throws -> [String: Stored] {
        if !fresh, let cached = storedLock.withLock({ storedCache }) { return cached }
        let rows = try pool.read { db -> [String: Stored] in
            var out: [String: Stored] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, size, mtime, hash, sidecar, sidecar_size, sidecar_mtime, error, notes_error FROM document
                """)
            while let r = try rows.next() {
                let s = Stored(id: r[0], path: r[1], size: r[2], mtime: r[3], hash: r[4], sidecar: r[5],
                               sidecarSize: r[6], sidecarMtime: r[7], error: r[8], notesError: r[9])
                out[s.path] = s
            }
            return out
        }
        storedLock.withLock { storedCache = rows }
        return rows
    }

    func forgetStoredDocuments() { storedLock.withLock { storedCache = nil } }
}
