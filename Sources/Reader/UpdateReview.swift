// Review marks: `reso carry` flags annotations it moved onto a reworded paragraph (`review`);
// the reader shows `?` beside the paragraph's marker and `R` clears the flag through the
// backend once the user has looked.

extension ReaderState {
    mutating func clearReviewFlag() -> [Effect] {
        guard let v = view, let id = currentID else { flash("Only paragraphs and headings carry annotations"); return [] }
        guard notes[v.doc].byParagraph[id]?.review == true else {
            flash("Nothing to review on \(id)")
            return []
        }
        return [.clearReview(paragraph: id, doc: v.doc)]
    }
}
