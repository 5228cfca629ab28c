import Testing
@testable import ResolutionKit

/// An enumeration that runs inline in a paragraph's sentence (`in particular: (i) full
/// implementation …; (ii) production …`) is not a list of subparagraphs, even where the hard
/// wrap brings one of its labels (`(i)`, `(iv)`) to a line start. The UN's markup declares no
/// subparagraphs in this resolution.
@Suite struct InlineEnumerationTests {
    @Test func labelsWrappedToALineStartStayInTheirSentence() throws {
        let doc = ResolutionParser.parse(text: Self.text, source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
        #expect(doc.preamble.count == 10)
        #expect(doc.operative.map(\.number) == Array(1...15))
        #expect(doc.operative.allSatisfy { $0.subparagraphs.isEmpty }, "\(doc.operative.filter { !$0.subparagraphs.isEmpty }.map(\.id))")
        let nine = try #require(doc.operative.first { $0.number == 9 })
        #expect(nine.text.contains("in particular: (i) full implementation"))
        #expect(nine.text.contains("expertise; (iv) continued implementation"))
    }

    /// A real list after a colon stays a list: each next label opens its own line, never a
    /// place mid-line after `;`.
    @Test func aListWhoseItemsOpenTheirLinesIsStillAList() {
        let text = "1. Decides that the Mission shall have the following mandate, in particular:\n"
            + "(i) to monitor the ceasefire and to report on it;\n"
            + "(ii) to support the parties in the implementation of the agreement, including\n"
            + "through the Joint Committee established under paragraph (iii) of the agreement;\n"
            + "(iii) to coordinate the assistance of the United Nations;\n"
        let inline = Self.inlineLabelLines(text, "en")
        #expect(inline.isEmpty, "\(inline.sorted())")
    }

    /// The same enumeration in Russian, its labels before a closing bracket only (`iv)`):
    /// the label wrapped to a line start is still inline, since `v)` follows it mid-line
    /// after `;`; a label that closes with a stop (`iv.`) is not read this way.
    @Test func labelsBeforeAClosingBracketWrappedToALineStartStayInline() {
        let text = "9. отмечает далее мнения и рекомендации, в частности i) выполнение в\n"
            + "полном объеме еще не выполненных рекомендаций УСВН; ii) подготовку\n"
            + "сбалансированности персонала при сохранении профессионального уровня;\n"
            + "iv) продолжающееся проведение кадровой политики в соответствии с его\n"
            + "временным мандатом; v) дальнейшее сокращение затрат, в том числе, в\n"
            + "частности, за счет гибкого использования персонала; vi) координацию и\n"
        #expect(Self.inlineLabelLines(text, "ru") == [3])
        #expect(Self.inlineLabelLines(text.replacingOccurrences(of: "iv)", with: "iv."), "ru").isEmpty)
    }

    /// The same enumeration's last items each opening a line, as pdftotext printed it from a
    /// page set wider (`…мандатом;` / `v) дальнейшее…;` / `vi) координацию…`): `v)` comes
    /// after `iv)` mid-line, and `vi)` after `v)`, so both stay inline. The real list above
    /// is still a list.
    @Test func anEnumerationsLastItemsAtLineStartsStayInline() {
        let text = "управления, включая, в частности i) выполнение в полном объеме еще не выполненных рекомендаций\n"
            + "УСВН; ii) подготовку четких и конкретных прогнозов в отношении сроков завершения на максимально\n"
            + "ранней стадии и их неукоснительное соблюдение; iii) продолжающееся обеспечение географической\n"
            + "представленности и гендерной сбалансированности персонала при сохранении профессионального\n"
            + "уровня; iv) продолжающееся проведение кадровой политики в соответствии с его временным мандатом;\n"
            + "v) дальнейшее сокращение затрат, в том числе, в частности, за счет гибкого использования персонала;\n"
            + "vi) координацию и обмен информацией между тремя органами Механизма по вопросам, которые их\n"
            + "одинаково затрагивают, с целью обеспечить систематическое обдумывание и планирование будущих\n"
            + "перспектив;\n"
            + "10. вновь просит Механизм включать в свои шестимесячные доклады Совету информацию о\n"
        #expect(Self.inlineLabelLines(text, "ru") == [5, 6])
        // After a finished paragraph (`.`), `v)` opens an item of its own.
        #expect(Self.inlineLabelLines(text.replacingOccurrences(of: "мандатом;\nv)", with: "мандатом.\nv)"), "ru").isEmpty)
    }

    /// The lines of `text` that open with a label of an enumeration running inline, read
    /// with the profile of `language`.
    static func inlineLabelLines(_ text: String, _ language: String) -> Set<Int> {
        var pieces = [text]
        let lines = LineSplitter.split(taking: &pieces)
        return BlockBuilder.inlineEnumerations(lines, layout: TextLayout.of(lines), profile: LanguageCatalog.profile(language)!)
    }

    /// S/RES/2529 (2020) in English, typeset by scripts/typeset.py and hard-wrapped.
    static let text = """
United Nations

S/RES/2529 (2020)

Security Council

Distr.: General

25 June 2020

Resolution 2529 (2020)

Adopted by the Security Council on 25 June 2020

The Security Council,

Reaffirming its determination to combat impunity for all those
responsible for serious international crimes and the necessity of all
persons indicted by the International Criminal Tribunal for Rwanda
(ICTR), and the International Tribunal for the former Yugoslavia
(ICTY) being brought to justice and, in this regard, recalling the
mandate of the International Residual Mechanism for Criminal Tribunals
(Mechanism) established by resolution 1966 (2010) of 22 December 2010,

Recalling Article 25 and Article 26 of the Statute of the Mechanism,
set out in Annex 1 to resolution 1966 (2010), concerning the
supervision of the enforcement of sentences and pardon or commutation
of sentences, respectively,

Having regard to Article 14, paragraph 4 of the Statute of the
Mechanism,

Recalling its decision in resolution 2422 (2018) adopted on 27 June
2018 appointing the Prosecutor of the Mechanism for a period from 1
July 2018 until 30 June 2020, and that the Prosecutor of the Mechanism
may be appointed or reappointed for a two-year term, notwithstanding
Article 14, paragraph 4 of the Statute of the Mechanism,

Having considered the nomination by the Secretary-General of Mr. Serge
Brammertz as Prosecutor of the Mechanism (S/2020/580),

Recalling the strong need for States to cooperate with the Mechanism
to achieve the arrest and surrender of those remaining fugitives
indicted by the ICTR, and, in this regard, recalling also General
Assembly resolution 74/273 of 21 April 2020 adopted during the review
period,

Recalling its decision in resolution 1966 (2010) that the Mechanism
shall operate for an initial period of four years from the first
commencement date referred to in paragraph 1 of the resolution, to
review the progress of the work of the Mechanism, including in
completing its functions, before the end of this initial period and
every two years thereafter, and that the Mechanism shall continue to
operate for subsequent periods of two years following each such
review, unless the Security Council decides otherwise,

Noting that the current period of operation of the Mechanism ends on
30 June 2020,

Having conducted its review of the progress of the work of the
Mechanism, including in completing its functions, since the last
review of the Mechanism in June 2018, pursuant to paragraph 17 of
resolution 1966 (2010) and in accordance with the procedure set out in
the statement of its President of 28 February 2020 (S/PRST/2020/4),

Acting under Chapter VII of the Charter of the United Nations,

1. Decides to appoint Mr. Serge Brammertz as Prosecutor of the
International Residual Mechanism for Criminal Tribunals with effect
from 1 July 2020 until 30 June 2022;

2. Urges States to cooperate fully with the Mechanism;

3. Continues to urge all States, especially States where fugitives are
suspected of being at large, to intensify their cooperation with and
render all necessary assistance to the Mechanism, in particular to
achieve the arrest and surrender of all remaining fugitives indicted
by the ICTR as soon as possible;

4. Notes with concern that the Mechanism faces problems in the
relocation of acquitted persons and convicted persons who have
completed serving their sentence, emphasises the importance of finding
expeditious and durable solutions to these problems, including as part
of a reconciliation process, encourages all efforts to that end, and,
in this regard, reiterates its call upon all States to cooperate with
and render all necessary assistance to the Mechanism;

5. Welcomes the arrest in France on 16 May 2020 of Félicien Kabuga,
indicted for genocide and crimes against humanity allegedly committed
in Rwanda in 1994, commends the cooperation between the Mechanism, in
particular the Office of the Prosecutor, and law enforcement and
judicial authorities in France, as well as Rwanda, Belgium, the United
Kingdom, Germany, Austria, the Netherlands, Luxembourg, the United
States, Switzerland and others, together with EUROPOL and INTERPOL,
which contributed to locating and to the arrest of the fugitive, and
recognises this is an important step of cooperation with the
Mechanism, in accordance with paragraph 4 of resolution 2422 (2018),
to bring to justice persons indicted by the ICTR;

6. Emphasises that, in view of the substantially reduced nature of the
residual functions, the Mechanism was established to be a small,
temporary and efficient structure, whose functions and size will
diminish over time, with a small number of staff commensurate with its
reduced functions, and, recognising in this regard the full commitment
to these elements expressed by the Mechanism, requests the Mechanism
to continue to be guided in its activities by these elements;

7. Welcomes the report (S/2020/309) submitted by the Mechanism to the
Council pursuant to its Presidential Statement (S/PRST/2020/4) for the
purposes of the review of the progress of the work of the Mechanism,
including in completing its functions, as required by paragraph 17 of
resolution 1966 (2010), and the report of the Office of Internal
Oversight Services (OIOS) on the evaluation of the methods and work of
the Mechanism (S/2020/236), taking note of the OIOS’s conclusions on
the Mechanism’s implementation of the OIOS recommendations and
paragraph 8 of resolution 2422 (2018);

8. Takes note of the work of the Mechanism to date, in particular
development of a legal and regulatory framework, procedures, and
working practices consistent with the Statute of the Mechanism and
drawing on lessons learned from and best practices of the ICTY and
ICTR and of other tribunals, including use of rosters to ensure judges
and staff are utilized only when required, enabling judges and staff
to work remotely to the maximum extent possible, and minimizing the
need for full bench participation in pre-trial and pre-appeal hearing
work, in order to produce substantial reductions in the costs of
judicial activities compared to those of the ICTY and ICTR, and
commends the Mechanism for its efforts to produce such reductions;

9. Notes further the views and recommendations made with regard to the
Mechanism’s work by the Council’s Informal Working Group on
International Tribunals, as reflected in this resolution, and requests
the Mechanism to take into account those views and implement the
recommendations, and to continue to take steps to further enhance
efficiency and effective and transparent management, in particular:
(i) full implementation of the outstanding recommendations of the
OIOS; (ii) production of clear and focused projections of completion
timelines at the earliest stage possible and disciplined adherence
thereto; (iii) continued ensuring of geographic diversity and gender
balance of staff, while ensuring continued professional expertise;
(iv) continued implementation of a human resources policy consistent
with its temporary mandate; (v) further reduction of costs, including
through, but not limited to, flexible staff engagement; and (vi)
coordination and information sharing across the three organs of the
Mechanism on matters that affected them equally in order to ensure
systematic thinking and planning about the future;

10. Reiterates its request to the Mechanism to include in its
six-monthly reports to the Council information on progress achieved in
implementing this resolution, as well as detailed information on the
staffing of the Mechanism, respective workload and related costs with
breakdown by division and detailed projections of the duration of
residual functions based on available data;

11. Recalls the importance of ensuring the rights of persons detained
on the authority of the Mechanism in accordance with applicable
international standards, including those related to health care;

12. Recalls its encouragement to the Mechanism in resolution 2422
(2018) to consider an appropriate solution to the approach to early
release of persons convicted by the ICTR, and notes that during the
review period, conditions on early release in appropriate cases were
put in place and the Mechanism refined procedures in this regard;

13. Notes the conclusion of the Council’s review of the progress of
the work of the Mechanism, including in completing its functions,
since the last review of the Mechanism in June 2018, pursuant to
resolution 1966 (2010);

14. Recalls, with a view to strengthening independent oversight of the
Mechanism, that, as set out in its Presidential Statement
(S/PRST/2020/4), future reviews carried out pursuant to paragraph 17
of resolution 1966 (2010) shall include evaluation reports sought from
the OIOS with respect to the methods and work of the Mechanism;

15. Decides to remain seized of the matter.

"""
}
