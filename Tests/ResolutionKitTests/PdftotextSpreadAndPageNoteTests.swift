import Foundation
import Testing
@testable import ResolutionKit

/// pdftotext's default output in two more shapes of typeset resolutions (pdftotext
/// extractions of sc-2020 resolutions set by `scripts/typeset.py`, kept whole so that the
/// layout statistics see real pages).
@Suite struct PdftotextSpreadAndPageNoteTests {
    /// A page's last body line opens with a day's number (`1 de junio de 2020 y
    /// observando…,`): a body line, not the page's first note, since it opens lowercase
    /// and stops at a comma; its paragraph stays whole, and the next page's paragraph opens.
    @Test func aBodyLineOpeningWithADateAtAPagesFootIsNoNote() throws {
        let doc = try Fixtures.pdftotextShape("body-line-opening-with-a-date-at-page-foot.es.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/1701 (2006)."])
        let welcomed = try #require(doc.preamble.first { $0.text.hasPrefix("Acogiendo con beneplácito la evaluación") })
        #expect(welcomed.text.hasSuffix("el 1 de junio de 2020 y observando con aprecio las recomendaciones para seguir aumentando la eficiencia y la eficacia de la FPNUL,"),
                "\(welcomed.text.suffix(80))")
        #expect(doc.preamble.contains { $0.text.hasPrefix("Exhortando a los Estados Miembros a que presten") })
    }

    /// A note marker that the wrap carried to a line's start, the sentence going on after it
    /// (`…2357(2017)` / `¹、2420(2018)和…`): a marker in the text, not a note whose text
    /// opens with `、`. The note itself is found at the end, cited where the marker stands.
    @Test func aMarkerWrappedToALineStartBeforePunctuationIsNoNote() throws {
        let doc = try Fixtures.pdftotextShape("note-marker-wrapped-to-line-start.zh.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/2357 (2017)。"])
        let recalling = try #require(doc.preamble.first { $0.text.hasPrefix("回顾其关于在利比亚沿岸公海上") })
        #expect(recalling.text.hasSuffix("2420(2018)和2473(2019)号决议，"), "\(recalling.text)")
        #expect(doc.footnotes.first?.citedBy == [recalling.id])
        #expect(doc.other.isEmpty)
    }

    /// A justified line with wide gaps comes out one word to a line, with blank lines
    /// between the words and out of order (`определяя,` `что` `ситуация` `в`, the next
    /// line, then `Судане` `представляет` `угрозу`). The words go on with their paragraph:
    /// they make no paragraph of their own, and the paragraph after them still opens.
    @Test func wordsOfASpreadLineStayInTheirParagraph() {
        let doc = PdftotextShapeTests.parse(Self.russianSpread)
        #expect(doc.preamble.count == 4, "\(doc.preamble.map { String($0.text.prefix(30)) })")
        let third = doc.preamble.count > 2 ? doc.preamble[2].text : ""
        for word in ["определяя", "Судане", "представляет", "угрозу", "безопасности"] { #expect(third.contains(word), "\(word)") }
        #expect(doc.preamble.last?.text.hasPrefix("действуя") == true)
        #expect(doc.operative.map(\.number) == [1, 2, 3])
    }

    /// A paragraph's last line of one word (`прогресса,`) printed right above a spread
    /// line, with no blank line between it and the spread line's first word where blank
    /// lines part the rest (`вновь` / blank / `подтверждая` …): the word ends its paragraph,
    /// and the spread line opens the next.
    @Test func aOneWordLastLineAboveASpreadLineEndsItsParagraph() throws {
        let doc = try Fixtures.pdftotextShape("widow-above-a-spread-first-line.ru.txt")
        let before = try #require(doc.preamble.first { $0.text.hasPrefix("призывая к возобновлению консультаций") })
        #expect(before.text.hasSuffix("в целях развития достигнутого прогресса,"), "\(before.text.suffix(60))")
        #expect(doc.preamble.contains { $0.text.hasPrefix("вновь подтверждая свою приверженность оказанию сторонам") })
        #expect(doc.preamble.count == 27)
        let ru = try #require(LanguageCatalog.profile("ru"))
        var lines = LineSplitter.split("вербовки в ряды группировки ИГИЛ\n(ДАИШ),\nприветствуя\n\nзначительные\n\nусилия\n\nправительства\n\nприлагаемые с целью\n")
        SpreadWords.mend(&lines, profile: ru)
        #expect(lines.map { $0.text.string } == ["вербовки в ряды группировки ИГИЛ", "(ДАИШ),", "приветствуя значительные усилия правительства", "прилагаемые с целью"])
        // The same pieces parted by blank lines from the first on are one printed line.
        var even = LineSplitter.split("вербовки в ряды группировки ИГИЛ\n(ДАИШ),\n\nприветствуя\n\nзначительные\n\nусилия\n")
        SpreadWords.mend(&even, profile: ru)
        #expect(even.map { $0.text.string } == ["вербовки в ряды группировки ИГИЛ", "(ДАИШ), приветствуя значительные усилия"])
    }

    /// The merge takes runs of one-word lines only (one-character lines in CJK text):
    /// numbers, labels and lines of several words stand as they are.
    @Test func onlyRunsOfOneWordLinesAreMerged() throws {
        let ru = try #require(LanguageCatalog.profile("ru"))
        var lines = LineSplitter.split("начало строки\nодин\n\nдва\n\nтри\n\nконец строки\n(a)\n\n1.\n\nслово\n")
        SpreadWords.mend(&lines, profile: ru)
        #expect(lines.map { $0.text.string } == ["начало строки", "один два три", "конец строки", "(a)", "1.", "слово"])
        #expect(lines.map(\.spread) == [false, true, false, false, false, false])
        let zh = try #require(LanguageCatalog.profile("zh"))
        // CJK: the pieces are single characters, joined without spaces; two-character
        // lines of words stay apart unless they run on as a line's pieces.
        var cjk = LineSplitter.split("安全理事会，\n回\n顾\n其\n关\n于\n1\n也门的决议，\n\n决定\n")
        SpreadWords.mend(&cjk, profile: zh)
        #expect(cjk.map { $0.text.string } == ["安全理事会，", "回顾其关于", "1", "也门的决议，", "决定"])
        #expect(cjk.map(\.spread) == [false, true, false, false, false])
    }

    /// A dash between two words of a spread line stands alone on its line like the words
    /// (`штатам` / `—` / `членам` …, pdftotext's text of a justified line with no blank
    /// lines between the pieces): it is a piece of the line, not a list's dash that opens an
    /// item. A list's dash alone before its item's text, a line of many words, stays apart.
    @Test func aDashBetweenTheWordsOfASpreadLineIsOneOfItsPieces() throws {
        let ru = try #require(LanguageCatalog.profile("ru"))
        var lines = LineSplitter.split("в оказании поддержки федеральному правительству Сомали и\nштатам\n—\nчленам\nфедерации\nпутем\nпредоставления\nконсультаций и добрых услуг по стратегическим вопросам,\n")
        SpreadWords.mend(&lines, profile: ru)
        #expect(lines.map { $0.text.string } == ["в оказании поддержки федеральному правительству Сомали и",
                                                  "штатам — членам федерации путем предоставления",
                                                  "консультаций и добрых услуг по стратегическим вопросам,"])
        var list = LineSplitter.split("постановляет:\n—\nпродлить мандат миссии до 31 мая 2021 года;\n—\nпросить Генерального секретаря представить доклад;\n")
        SpreadWords.mend(&list, profile: ru)
        #expect(list.count == 5)
    }

    /// Text that is not hard-wrapped has no line taken apart: one-word lines in a row (a
    /// cover's short lines) stay lines of their own.
    @Test func oneWordLinesOfFlowingTextStayApart() {
        let text = "United\nNations\nS/RES/2099 (2099)\nSecurity\nCouncil\nDistr.:\nGeneral\n\nResolution 2099 (2099)\n\nThe Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
        let doc = PdftotextShapeTests.parse(text)
        #expect(doc.preface.contains("Security") && doc.preface.contains("Council") && doc.preface.contains("General"), "\(doc.preface)")
    }

    /// Footnotes numbered from 1 on each page: every page's `1` is a footnote of its own,
    /// numbered on from the notes before it as the document's footnotes, and a marker on
    /// the page follows its note.
    @Test func notesNumberedByPageAreNumberedOnThroughTheDocument() {
        let doc = PdftotextShapeTests.parse(Self.englishNotesByPage)
        #expect(doc.footnotes.map(\.number) == [1, 2, 3])
        #expect(doc.footnotes.map(\.text) == ["S/RES/2436 (2018).", "S/RES/2378 (2017).", "S/RES/2378 (2017)."])
        #expect(doc.footnotes.first?.citedBy == ["pp12"])
        #expect(doc.footnotes.last?.citedBy == ["op14"])
        #expect(doc.other.isEmpty, "a note kept as other text: \(doc.other.map(\.text))")
    }

    /// The same note (`S/PRST/2019/3`) at the foot of two pages of an Arabic resolution, its
    /// stop painted first (`.S/PRST/2019/3`): a note each time, not a running footer, and
    /// each marker, painted before the bracketed symbol it follows, cites its note.
    @Test func theSameNoteAtTwoPageFeetIsANoteEachTime() throws {
        let doc = try Fixtures.pdftotextShape("same-note-at-two-page-feet.ar.txt")
        #expect(doc.footnotes.map(\.text) == ["S/PRST/2019/3.", "S/RES/2488 (2019).", "S/PRST/2019/3."])
        #expect(doc.footnotes.map(\.citedBy) == [["pp3"], ["op3"], ["op13"]])
        #expect(doc.footnotes.first?.references == ["S/PRST/2019/3"])
        #expect(!doc.furniture.contains { $0.contains("PRST") })
    }

    /// A page's one note printed apart from its number: `1` alone up the page, by the page's
    /// number (`2/4`), and `S/RES/1267 (1999).` last on the page, before the footer, with no
    /// number. The two make the note, and the marker in the text (`(1999)1`) cites it.
    @Test func aNoteNumberPrintedApartFromItsTextFindsIt() throws {
        let doc = try Fixtures.pdftotextShape("note-number-apart-from-its-text.en.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/1267 (1999)."])
        #expect(doc.footnotes.first?.citedBy == ["op6.a"])
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// The same where notes are numbered from 1 on each page: the page's lone `1` is the
    /// document's third note, and the page's marker follows it.
    @Test func aNoteNumberPrintedApartIsNumberedOnWhereNumberingRestarts() throws {
        let doc = try Fixtures.pdftotextShape("note-number-apart-restarting.en.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/1325 (2000).", "S/RES/2532 (2020).", "S/RES/2441 (2018)."])
        let citing = try #require(doc.preamble.first { $0.text.contains("resolution 2441 (2018) and all of its") })
        #expect(doc.footnotes.last?.citedBy == [citing.id])
    }

    /// A first page printed as columns: the operative numbers (`1.` `2.` `3.`) and then the
    /// note numbers (`1` `2` `3` `4`) above the organ's formula, and the four note texts last
    /// on the page with no number. Each note finds its number and its marker, and the
    /// operative numbers find their paragraphs, not the notes.
    @Test func aColumnOfNoteNumbersAboveTheFormulaFindsTheNotesAtThePagesFoot() throws {
        let doc = try Fixtures.pdftotextShape("note-numbers-above-the-formula.es.txt")
        #expect(doc.preamble.count == 6)
        #expect(doc.preamble.first?.text.hasPrefix("Recordando sus resoluciones 2240") == true)
        #expect(doc.operative.map(\.number) == [1, 2, 3, 4, 5])
        #expect(doc.operative.first?.text.hasPrefix("Condena todos los actos") == true)
        #expect(doc.footnotes.map(\.text) == ["S/RES/2240 (2015).", "S/2020/876.", "S/RES/2240 (2015).", "S/RES/2240 (2015)."])
        #expect(doc.footnotes.map(\.citedBy) == [["pp1"], ["pp3"], ["op2"], ["op3"]])
    }

    /// poppler mends a word hyphenated at a line's end with the next word it prints; after a
    /// page's last body line that is the page's note number (`police-` and `2` → `police2`),
    /// and the note's text stands with no number. The note is read as the second, and the
    /// body keeps its word without the number.
    @Test func aNoteNumberMendedIntoTheLastBodyWordIsTheNotes() throws {
        let doc = try Fixtures.pdftotextShape("note-number-mended-into-hyphenated-word.en.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/2518 (2020).", "S/RES/2272 (2016)."])
        let citing = try #require(doc.operative.first { $0.number == 14 })
        #expect(doc.footnotes.last?.citedBy == [citing.id])
        #expect(!citing.text.contains("police2"))
        #expect(citing.text.contains("contributing countries, and UNDOF as appropriate"))
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// A one-page resolution too short to show its wrapping, with one note at the page's
    /// foot above the footer: still PDF text, and the note is read as one.
    @Test func aOnePageTextWithAFooterHasItsNoteRead() throws {
        let doc = try Fixtures.pdftotextShape("one-page-with-a-note.zh.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/2357 (2017)。"])
        #expect(doc.footnotes.first?.citedBy == ["pp2"])
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// A page's lone note number by the page's number (`1`, `2/4`) and its note last on the
    /// page right after a finished paragraph, with no blank line (`…нефтепереработки;`,
    /// `S/RES/2259 (2015).`): still the note, and the heading above the page's column of
    /// numbers heads paragraph 1.
    @Test func aNoteApartFromItsNumberAfterAFinishedClauseIsRead() throws {
        let doc = try Fixtures.pdftotextShape("note-apart-after-a-finished-clause.ru.txt")
        #expect(doc.footnotes.map(\.text) == ["S/RES/2259 (2015)."])
        #expect(doc.preamble.count == 13)
        #expect(doc.headings.first?.before == "op1")
        #expect(doc.operative.first { $0.number == 4 }?.text.hasSuffix("нефтепереработки;") == true)
    }

    static let russianSpread = """
Организация Объединенных Наций

S/RES/2523 (2020)

Совет Безопасности
Distr.: General
29 May 2020

Резолюция 2523 (2020),
принятая Советом Безопасности 29 мая 2020 года
Совет Безопасности,
вновь подтверждая все свои предыдущие резолюции и заявления
Председателя, касающиеся положения в Судане, и подчеркивая важность их
полного соблюдения и осуществления,
вновь подтверждая свою твердую приверженность суверенитету,
единству, независимости и территориальной целостности Судана,
определяя,
что
ситуация
в
международному миру и безопасности,

Судане

представляет

угрозу

действуя на основании главы VII Устава Организации Объединенных
Наций,
1. постановляет, что Смешанная операция Африканского союза —
Организации Объединенных Наций в Дарфуре (ЮНАМИД) будет сохранять
свои нынешние предельные уровни численности военнослужащих и
полицейских до 3 июня 2020 года, и постановляет далее, что в течение
этого периода ЮНАМИД будет сохранять все опорные пункты для
выполнения своего мандата;
2. заявляет о своем намерении определить к 3 июня 2020 года курс
действий в отношении ответственного свертывания операций и вывода
ЮНАМИД и заявляет далее о своем намерении принять в то же время
новую резолюцию, устанавливающую последующее присутствие на смену
ЮНАМИД;
3.

20-07246 (R)
*2007246*

постановляет продолжать заниматься этим вопросом.

Просьба отправить на вторичную переработку

\u{0C}
"""

    static let englishNotesByPage = """
United Nations

S/RES/2518 (2020)

Security Council
Distr.: General
30 March 2020

Resolution 2518 (2020)
Adopted by the Security Council on 30 March 2020
The Security Council,
Recalling the purposes and principles of the Charter of the United Nations, reaffirming
the primary responsibility of the Security Council under the Charter of the United Nations for
the maintenance of international peace and security,
Recalling its previous relevant resolutions and presidential statements addressing issues
of peacekeeping,
Reaffirming the basic principles of peacekeeping, such as consent of the parties,
impartiality, and non-use of force, except in self-defence and defence of the mandate,
Underscoring the importance of peacekeeping as one of the most effective tools
available to the United Nations in the promotion and maintenance of international peace and
security, and affirming that lasting peace is not achieved nor sustained by military and technical
engagements alone, but through political solutions and strongly convinced that they should
guide the design and deployment of United Nations peacekeeping operations,
Noting with appreciation the progress made in efforts undertaken by the SecretaryGeneral to mobilize all partners and stakeholders in support of more effective United Nations
peacekeeping through the Secretary-General’s “Action for Peacekeeping” initiative, which
places high importance on the safety and security of peacekeepers alongside advancing political
solutions, promoting the Women, Peace and Security agenda, strengthening protection of
civilians, supporting effective performance and accountability, strengthening the impact of
peacekeeping on peacebuilding and sustaining peace, improving peacekeeping partnerships, and
strengthening the conduct of peacekeeping operations and personnel,
Expressing grave concern about the security threats and targeted attacks against United
Nations peacekeepers in many peacekeeping missions, which constitute a major challenge to
United Nations peacekeeping operations, including threats posed by landmines, explosive
remnants of war and improvised explosive devices, recalling the sacrifices of uniformed and
civilian personnel in implementing United Nations peacekeeping mandates in challenging
environments, and condemning in the strongest terms killing of and all acts of violence against
United Nations peacekeeping personnel, which may constitute war crimes, and paying tribute to
all peacekeepers, police and military as well as civilian ones, who lost their life while serving
with the United Nations,
Underscoring the importance it places on the safety and security of peacekeepers in the
field and the need for the Secretary-General and Troop-and Police-Contributing Countries and
Member States to work together to ensure that missions are adequately resourced and all

20-04817 (E)
*2004817*

Please recycle

\u{0C}S/RES/2518 (2020)

peacekeepers in the field are willing, capable and equipped effectively and safely to implement
their mandate,
Condemning violations of status-of-forces agreements by any party to those
agreements, recognizing the grave risks such violations can present to the safety and security of
peacekeepers and affirming that the entry of personnel or equipment into the country and
freedom of movement within the mandate should not be hindered,
Taking note of the measures taken and efforts made by the Secretariat and Member
States in preventing and addressing illnesses including infectious diseases, among peacekeepers,
Noting that caveats not declared and not formally accepted by the Secretariat may
adversely limit mandate implementation, and stresses the importance of avoiding caveats that
may impinge upon the operational effectiveness of the mission and risk the safety and security
of peacekeepers, in particular in hostile environments,
Recalling the report on “Improving Security of United Nations Peacekeepers”, the
related Action Plan on improving safety and security, stressing that deficiencies in training,
equipment, capacity, leadership at all levels, performance and accountability, and medical
capacity in the missions can increase risks to the safety and security of peacekeepers, including
leading to increased risk of fatalities,
Recalling its resolution 2436 (2018)1, underscoring the link between performance and
safety and security of uniformed and civilian peacekeeping personnel, and recognizing that
institutionalizing a culture of performance in United Nations peacekeeping will contribute to
better delivery of peacekeeping mandates, as well as lead to improvements in the safety and
security of peacekeepers,
Reaffirming the importance of full, effective and meaningful participation of women in
peacekeeping operations and the importance of conducting and integrating a gender analysis and
gender assessments when considering the safety and security of personnel,
Recognizing that possible adverse effects of environmental deterioration may, in the
long run, aggravate certain existing threats to the stability of some host states which are
particularly vulnerable to these adverse effects and which may influence the safety and security
of peacekeepers, while respecting the respective mandates of all United Nations bodies in this
regard,
Recognizing the critical role of United Nations peacekeepers in the promotion and
maintenance of international peace and security in accordance with the Charter of the United
Nations, and that the primary responsibility for the safety and security of United Nations
personnel and assets rests with the host state, recognizing further that efforts to enhance safety
and improve security need to improve at all levels both at headquarters and in the field as a
shared endeavour,
1. Stresses the importance of supporting United Nations peacekeeping operations,
recognizes the crucial role peacekeeping plays in achieving conditions for stability and a lasting
peace, and emphasizes the importance of enhancing the safety and security of peacekeepers;
2. Requests the host states to fulfil their obligations to facilitate access and freedom
of movement for United Nations peacekeepers and their equipment consistent with the mandate,
including for casualty and medical evacuation, and requests the Secretariat to instruct all
peacekeeping missions to systematically document violations of status-of-forces agreements and
1

2/4

S/RES/2436 (2018).
20-04817

\u{0C}S/RES/2518 (2020)

that Mission leadership should use this information to monitor and resolve risks to the safety and
security of peacekeepers as necessary;
3. Calls on all Member States hosting peacekeeping operations to promptly
investigate and effectively prosecute those responsible for attacks on United Nations personnel,
and to keep the relevant Troop-and Police-Contributing Countries informed of the progress of
such investigations and prosecutions;
4. Notes that peacekeepers are deployed in deteriorating and complex political and
security environments, and face asymmetrical and complex threats, underscores the importance
of ensuring that peacekeeping missions evolve their capacities and systems to remain agile and
effective in implementing their mandates in specific operating contexts to enhance safety and
security of peacekeepers and mission protection, including through the provision of adequate
medical facilities and critical capabilities;
5. Requests the Secretary-General to continue to take all appropriate measures to
enhance the safety and security of peacekeeping personnel, including by strengthening, where
necessary, peacekeeping missions’ situational awareness through measures to improve their
information acquisition and analysis capacities, including surveillance and monitoring
capacities, within the limits of their mandate and area of operation;
6. Calls upon Member States and the United Nations to ensure safe, enabling and
gender-sensitive working environments for women in peacekeeping operations and to address
threats and violence against them;
7. Reaffirms its determination to take effective steps to further enhance the
partnership between the United Nations and regional as well as sub-regional organizations in
relation to safety and security of peacekeepers. Encourages partnerships to support the African
Union’s efforts to continue to develop policy, guidance and training to ensure the safety and
security of its peacekeepers;
8. Requests United Nations peacekeeping operations to enhance engagements and
communications with the host governments, the local authorities and the population to build
trust and mutual understanding and improve safety and security;
9. Calls for measures to enhance operational health support, including to establish
well-defined and practical medical standards for peacekeeping operations, accelerate the
ongoing efforts to improve the system of medical support and casualty evacuation for injured
peacekeepers, ensure adequate medical facilities and qualified personnel are deployed to provide
the essential 10-1-2 response at all times, within the mission area and as close to deployment of
Troop-and Police-Contributing Countries as possible through the life of the mission;
10. Requests the Secretary-General to review and ensure uniformity of United Nations
standards on training and performance, thereby improving safety and security of peacekeepers,
and calls upon Member States to take action to help enhance training for United Nations
peacekeepers, including but not limited to countering improvised explosive devices, mitigating
threats from improvised explosive devices, health, and basic first aid, with the support of the
Secretariat as appropriate;
11. Reaffirms the critical link between safety and security and the performance of
civilian and uniformed peacekeeping personnel, and in that regard welcomes the initiatives
undertaken by the Secretary-General to standardize a culture of performance in UN
peacekeeping, recalls its requests in its resolution 2378 (2017) 1 and resolution 2436 (2018) that
1

S/RES/2378 (2017).

20-04817

3/4

\u{0C}S/RES/2518 (2020)

the Secretary-General ensure that performance data related to the effectiveness of peacekeeping
operations is used to improve mission operations, including decisions such as those regarding
deployment, remediation, repatriation and incentives, reaffirms its support for the development
of a comprehensive and integrated performance policy framework that identifies clear standards
of performance for evaluating all United Nations civilian and uniformed personnel working in
and supporting peacekeeping operations that facilitates effective and full implementation of
mandates, and includes comprehensive and objective methodologies based on clear and welldefined benchmarks to ensure accountability for underperformance and incentives and
recognition for outstanding performance;
12. Calls on the United Nations to further operationalize the Light Coordination
Mechanism, to facilitate and further coordinate improved training and capacity building
activities between Member States to include Troop-and Police-Contributing Countries, providers
of training and capacity building, and the United Nations, and encourages Member States to
engage with this mechanism, with the aim of improving training on safety and security;
13. Takes note of the ongoing work of the Secretariat in developing a strategy to better
integrate the use of new technologies for the purposes of increasing safety and security,
improving situational awareness, enhancing field support and facilitating substantive mandate
implementation. Encourages Troop-and Police-Contributing Countries and Field-Missions to
support field-focused, reliable and cost-effective new technologies that are driven by the
practical needs of end users on the ground and in this regard stresses the need for consultations
with Member States and host countries, as appropriate;
14. Requests the Secretary-General to report progress on improving safety and
security of peacekeepers, including on the issues set out in this resolution in his comprehensive
annual briefing mandated by its resolution 2378 (2017)1;
15. Decides to remain seized of the matter.

1

4/4

S/RES/2378 (2017).
20-04817

\u{0C}
"""
}
