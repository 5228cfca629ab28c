// A document's units as the index stored them, for commands that need only the units (`reso
// tag`) on a file that has not changed since it was indexed: reading them is a query, where
// parsing a long resolution again took most of the command's time.

import Annotations
import Foundation
import GRDB
import ResolutionKit

extension IndexStore {
    /// The units the index holds for the file at `path` (as the user gave it), when the file
    /// has the size and modification time it had when this build of reso parsed it without
    /// error; nil otherwise (then the caller parses).
    /// - Complexity: O(texts of the document), one indexed query each for the row and texts.
    public func storedTarget(forFile path: String) throws -> AnchorTarget? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int64(st.st_size)
        let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        let key = Self.absolute(path)
        return try pool.read { db -> AnchorTarget? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, size, mtime, hash, symbol, error FROM document WHERE path = ?
                """, arguments: [key]),
                  row["size"] as Int64 == size, row["mtime"] as Int64 == mtime, (row["error"] as String?) == nil
            else { return nil }
            var units: [TextUnit] = []
            let texts = try Row.fetchCursor(db, sql: "SELECT paragraph, kind, body FROM text WHERE doc = ? ORDER BY seq",
                                            arguments: [row["id"] as Int64])
            while let t = try texts.next() {
                // Units only: the table also holds notes, the preface, closing and unplaced text.
                guard let kind = TextUnit.Kind(rawValue: t["kind"]) else { continue }
                units.append(TextUnit(id: t["paragraph"], kind: kind, text: t["body"]))
            }
            return AnchorTarget(path: path, sha256: row["hash"], symbol: row["symbol"], units: units)
        }
    }
}
