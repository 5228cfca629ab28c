import Foundation
import Testing
@testable import ResolutionKit

/// pdftotext's default output of typeset resolutions, in the shapes that used to mislead the
/// block and structure phases. Each input is a pdftotext extraction of a resolution typeset
/// by `scripts/typeset.py` from the sc-2020 corpus, kept whole so that the layout statistics
/// see a real page.
@Suite struct PdftotextShapeTests {
    static func parse(_ text: String) -> ResolutionDocument {
        ResolutionParser.parse(text: text, source: SourceInfo(path: "t.txt", sha256: "", encoding: "utf-8"))
    }

    /// No blank line anywhere in the preamble: the second paragraph opens with an opener
    /// after a comma (`…осуществления,` / `вновь подтверждая`) before any line has ended
    /// early. The stretch is read as flat from its first line.
    @Test func openerAfterACommaOpensAParagraphInAFlatPreamble() {
        let doc = Self.parse(Self.russianFlat)
        #expect(doc.preamble.count == 3)
        #expect(doc.preamble.map { String($0.text.prefix(5)) } == ["подтв", "вновь", "особо"])
        #expect(doc.operative.map(\.number) == [1, 2, 3])
    }

    /// Flat Chinese text: every wrapped line is justified to the measure, so a line that
    /// ends on a comma a character or more short of it ended by choice, and the opener after
    /// it opens a paragraph. A comma at a full line followed by an opener goes on.
    @Test func anOpenerAfterAChineseLineShortOfTheMeasureOpensAParagraph() throws {
        let doc = try Fixtures.pdftotextShape("opener-after-short-line.zh.txt")
        #expect(doc.preamble.contains { $0.text.hasPrefix("表示注意到专家小组的最后报告") }, "\(doc.preamble.map { String($0.text.prefix(12)) })")
        #expect(doc.preamble.count == 14)
        #expect(doc.operative.map(\.number) == Array(1...doc.operative.count))
    }

    /// pdftotext sets an item's first line apart by a blank line; in Chinese the wrap falls
    /// after a comma as readily as anywhere, so the item goes on after the blank, and the
    /// later items stay in the list instead of falling into `other`.
    @Test func aChineseItemsFirstLineEndingOnACommaGoesOnAfterTheBlank() throws {
        let doc = try Fixtures.pdftotextShape("label-line-apart-at-comma.zh.txt")
        let op2 = try #require(doc.operative.first { $0.number == 2 })
        #expect(op2.subparagraphs.map(\.label) == ["a", "b", "c", "d"])
        #expect(op2.subparagraphs.first?.text.hasSuffix("排雷行动，") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// pdftotext's default text drops the items' indent, so an item's wrapped lines stop short
    /// of the page's measure; a Chinese item line ending on a comma near the measure goes on
    /// even when the next line opens with a verb, and all eleven items stay in the list.
    @Test func aChineseItemLineShortOfThePageMeasureGoesOnAfterAComma() throws {
        let doc = try Fixtures.pdftotextShape("item-lines-short-of-page-measure.zh.txt")
        let op6 = try #require(doc.operative.first { $0.number == 6 })
        #expect(op6.subparagraphs.map(\.label) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"])
        #expect(op6.subparagraphs.dropFirst().first?.text.contains("协调国际社会的努力") == true)
        #expect(doc.other.isEmpty, "\(doc.other.map(\.text))")
    }

    /// An operative verb after a comma inside an Arabic preambular paragraph
    /// (`…الصومال، ويشدد على`) goes on with the paragraph even in flat text: only
    /// preambular openers open paragraphs after a comma.
    @Test func verbAfterACommaStaysInsideAFlatArabicParagraph() {
        let doc = Self.parse(Self.arabicFlat)
        #expect(doc.preamble.count == 3)
        #expect(doc.preamble.first?.text.contains("ويشدد على أهمية الامتثال") == true)
    }

    /// Words that pdftotext lifted out of a widely justified line come as blocks of their
    /// own (`полноценное,` / `эффективное` / `и`): they are neither headings nor paragraphs,
    /// and their text stays in the document.
    @Test func wordsLiftedOutOfAJustifiedLineAreNotHeadingsOrParagraphs() {
        let doc = Self.parse(Self.russianLiftedWords)
        #expect(doc.headings.isEmpty, "headings: \(doc.headings.map(\.text))")
        #expect(doc.preamble.allSatisfy { $0.text.contains(" ") }, "one-word paragraphs: \(doc.preamble.map(\.text).filter { !$0.contains(" ") })")
        let all = (doc.preamble + doc.operative).map(\.text).joined(separator: " ")
        for word in ["полноценное,", "эффективное"] { #expect(all.contains(word)) }
    }

    /// A letter or a mark alone (Arabic extraction leaves `ل` or a detached tanween `ً` on a
    /// line) is no heading; a short title is.
    @Test func aLetterOrAMarkAloneIsNoHeading() throws {
        let ar = try #require(LanguageCatalog.profile("ar"))
        for lone in ["ل", "\u{064B}", "\u{0650}\u{0651}"] {
            #expect(!StructureBuilder.isHeading(lone.scalars, profile: ar, startsParagraph: false), "\(lone)")
        }
        #expect(StructureBuilder.isHeading("حظر الأسلحة".scalars, profile: ar, startsParagraph: false))
    }

    static let russianFlat = """
Организация Объединенных Наций

S/RES/2527 (2020)

Совет Безопасности
Distr.: General
22 June 2020

Резолюция 2527 (2020),
принятая Советом Безопасности 22 июня 2020 года
Совет Безопасности,
подтверждая все свои предыдущие резолюции, заявления Председателя и заявления для печати,
касающиеся ситуации в Сомали, и подчеркивая важность их полного соблюдения и осуществления,
вновь подтверждая свое уважение суверенитета, территориальной целостности, политической
независимости и единства Сомали,
особо отмечая существенно важную роль Миссии Организации Объединенных Наций по
содействию Сомали (МООНСОМ) в оказании поддержки федеральному правительству Сомали и штатам
членам федерации посредством предоставления стратегических консультаций и добрых услуг, укрепления
потенциала и координации поддержки со стороны международных партнеров и подчеркивая, что этот
мандат дополняет мандаты АМИСОМ, Отделения Организации Объединенных Наций по поддержке в
Сомали (ЮНСОС) и страновой группы Организации Объединенных Наций в Сомали и поддержку,
оказываемую Африканским союзом и международными партнерами,
1. постановляет продлить до 31 августа 2020 года мандат Миссии Организации Объединенных
Наций по содействию Сомали (МООНСОМ), изложенный в пункте 1 резолюции 2158 (2014), и
постановляет далее, что МООНСОМ должна и далее выполнять этот мандат в соответствии с
резолюцией 2461 (2019);
2. просит Генерального секретаря продолжать регулярно информировать Совет Безопасности об
осуществлении настоящей резолюции, в том числе путем представления устных сообщений и письменных
докладов через каждые 90 дней, как указано в резолюции 2461 (2019), причем следующий доклад о
положении дел на местах и ходе достижения ключевых политических контрольных параметров должен
быть представлен к 13 августа 2020 года;
3.

20-08221 (R)
*2008221*

постановляет продолжать заниматься этим вопросом.

Просьба отправить на вторичную переработку

\u{000C}
"""

    static let arabicFlat = """
\u{202B})\u{202A}S/RES/2527 (2020\u{202C}\u{202C}
\u{202B}الأمــم المتحـدة\u{202C}
\u{202B}مجلس الأمن\u{202C}
\u{202B}\u{202A}Distr.: General\u{202C}\u{202C}
\u{202B}\u{202A}22 June 2020\u{202C}\u{202C}

\u{202B}القرار \u{202A})2020( 2527\u{202C}\u{202C}
\u{202B}الذي اتخذه مجلس الأمن في \u{202A} 22\u{202C}حزيران\u{202A}/\u{202C}يونيه \u{202A}2020\u{202C}\u{202C}
\u{202B}إن مجلس الأمن\u{202A}،\u{202C}\u{202C}
\u{202B}إذ يؤكد من جديد جميع قراراته وبياناته الرئاسية وبياناته الصحفية السابقة بشأن الحالة في الصومال\u{202A}،\u{202C}\u{202C}
\u{202B}ويشدد على أهمية الامتثال لها وتنفيذها على نحو كامل\u{202A}،\u{202C}\u{202C}
\u{202B}وإذ يؤكد من جديد احترامه لسيادة الصومال وسلامته الإقليمية واستقلاله السياسي ووحدته\u{202A}،\u{202C}\u{202C}
\u{202B}وإذ يشدد على الدور الأساسي الذي تقوم به بعثة الأمم المتحدة لتقديم المساعدة إلى الصومال في\u{202C}
\u{202B}دعم حكومة الصومال الاتحادية والولايات الأعضاء في الاتحاد من خلال إسداء المشورة الاستراتيجية وبذل\u{202C}
\u{202B}المساعي الحميدة\u{202A} ،\u{202C}وبناء القدرات\u{202A} ،\u{202C}وتنسيق الدعم المقدم من الشركاء الدوليين\u{202A} ،\u{202C}وإذ يؤكد أن هذه الولاية مكملة\u{202C}
\u{202B}لولايات بعثة الاتحاد الأفريقي في الصومال ومكتب الأمم المتحدة لتقديم الدعم في الصومال وفريق الأمم\u{202C}
\u{202B}المتحدة القطري في الصومال والدعم المقدم من الاتحاد الأفريقي والشركاء الدوليين\u{202A}،\u{202C}\u{202C}
\u{202B}\u{202A}.1\u{202C}\u{202C}

\u{202B}يقرر أن يمدد حتى \u{202A} 31\u{202C}آب\u{202A}/\u{202C}أغسطس \u{202A} 2020\u{202C}ولاية بعثة الأمم المتحدة لتقديم المساعدة إلى\u{202C}

\u{202B}الصومال\u{202A} ،\u{202C}بالصيغة الواردة في الفقرة \u{202A} 1\u{202C}من القرار \u{202A} ،)2014( 2158\u{202C}ويقرر كذلك أن تواصل البعثة تنفيذ تلك\u{202C}
\u{202B}الولاية وفقا للقرار \u{202A})2019( 2461\u{202C}؛\u{202C}
\u{202B}\u{202A} .2\u{202C}يطلب إلى الأمين العام أن يواصل إطلاع مجلس الأمن بانتظام على حالة تنفيذ هذا القرار\u{202A}،\u{202C}\u{202C}
\u{202B}بوسائل تشمل تقديم إحاطات شفوية عن المستجدات وتقارير خطية كل \u{202A} 90\u{202C}يوما على النحو المبين في القرار\u{202C}
\u{202B}\u{202A} ،)2019( 2461\u{202C}على أن يقدم التقرير التالي بحلول \u{202A} 13\u{202C}آب\u{202A}/\u{202C}أغسطس \u{202A} ،2020\u{202C}بشأن الحالة على أرض الواقع\u{202C}
\u{202B}والتقدم المحرز صوب تحقيق الأهداف السياسية الرئيسية؛\u{202C}
\u{202B}\u{202A}.3\u{202C}\u{202C}

\u{202B}الرجاء إعادة الاستعمال\u{202C}

\u{202B}يقرر أن يبقي هذه المسألة قيد نظره\u{202A}.\u{202C}\u{202C}

\u{202B})\u{202A}20-08221 (A\u{202C}\u{202C}
\u{202B}*\u{202A}*2008221\u{202C}\u{202C}

\u{000C}
"""

    static let russianLiftedWords = """
Организация Объединенных Наций

S/RES/2537 (2020)

Совет Безопасности
Distr.: General
28 July 2020

Резолюция 2537 (2020),
принятая Советом Безопасности на его 8751-м заседании 28 июля 2020 года
Совет Безопасности,
приветствуя доклады Генерального секретаря от 10 июля 2020 года о его добрых
услугах (S/2020/685) и об операции Организации Объединенных Наций на Кипре
(S/2020/682) и заявляя о своей полной поддержке его добрых услуг, которые будут и
далее предоставляться в помощь сторонам в случае принятия ими совместного
решения возобновить переговоры при наличии необходимой политической воли,
особо отмечая, что ответственность за отыскание решения лежит прежде всего
на самих киприотах, и вновь подтверждая главную роль Организации Объединенных
Наций в оказании сторонам помощи в скорейшем достижении всеобъемлющего и
прочного урегулирования кипрского конфликта и проблемы разделенности острова,
настоятельно призывая стороны возобновить свои усилия по достижению
прочного, всеобъемлющего и справедливого урегулирования на основе двухобщинной,
двухзональной федерации с обеспечением политического равенства, как это
предусмотрено в соответствующих резолюциях Совета Безопасности, в том числе в
пункте 4 его резолюции 716 (1991), и подчеркивая, что сохранение статус-кво
неприемлемо,
выражая глубокую озабоченность по поводу дальнейшей эскалации и возросшей
напряженности в Восточном Средиземноморье из-за разведки углеводородов, будучи
убежден в том, что всеобъемлющее и прочное урегулирование принесет всем
киприотам множество важных выгод, в том числе экономических, и повторяя призыв
Генерального секретаря к принятию серьезных мер по недопущению дальнейшей
эскалации и к разрядке напряженности,
ссылаясь на свою резолюцию 1325 (2000) и связанные с ней резолюции,
признавая, что полноценное, равноправное и конструктивное участие и видная роль
женщин насущно необходимы для построения мира на Кипре и помогут придать
устойчивость любому будущему урегулированию, приветствуя усилия
по объединению более широкого круга активных участниц с обеих сторон,
рекомендуя сторонам обеспечить, чтобы в будущем урегулировании были учтены
особые проблемы женщин, и с интересом ожидая итогов оценки социальноэкономического воздействия с учетом гендерных аспектов, запрошенной в его
резолюции 2453 (2019),
ссылаясь на свою резолюцию 2250 (2015), в которой признаются важный и
позитивный вклад молодежи в усилия по поддержанию и содействию обеспечению
мира и безопасности, а также ее роль в качестве одного из ключевых факторов
обеспечения устойчивости, всеохватности и успеха усилий по поддержанию мира и
20-10189 (R)
*2010189*

Просьба отправить на вторичную переработку

\u{000C}S/RES/2537 (2020)
Совет Безопасности

миростроительству, и высказываясь далее за
конструктивное участие молодежи в этом процессе,

полноценное,

эффективное

и

признавая, что действенные контакты и общение между сторонами улучшают
перспективы урегулирования, отвечают интересам всех киприотов и позволяют
заниматься общими для всего острова вопросами, включая охрану окружающей среды
и проблему преступности,
признавая воздействие на остров Кипр пандемии COVID-19 и усилия,
предпринимаемые обеими общинами в целях борьбы с распространением вируса и
смягчения последствий вызываемого им заболевания,
признавая далее, что пандемия COVID-19 ограничила возможности и потенциал
для ведения переговоров, и выражая озабоченность по поводу того, что
несогласованные решения о закрытии контрольно-пропускных пунктов вдоль
«зеленой линии» в порядке реагирования на пандемию не позволили осуществить
значительную часть взаимодействия между двумя общинами и что длительное
закрытие контрольно-пропускных пунктов угрожает свести на нет прогресс,
достигнутый в этой области за период с 2003 года,
выражая озабоченность по поводу дальнейшего ухудшения ситуации с
обеспечением правопорядка в Пиле и настоятельно призывая обе стороны
продолжать работу с Вооруженными силами Организации Объединенных Наций по
поддержанию мира на Кипре (ВСООНК) над осуществлением эффективных мер по
борьбе с преступной деятельностью,
подчеркивая важность мер укрепления доверия и их своевременного
осуществления и настоятельно призывая стороны наращивать свои усилия по
содействию межобщинным контактам, примирению и активному вовлечению
гражданского общества, в частности женщин и молодежи,
отмечая согласие правительства Кипра с тем, что ввиду сложившихся на острове
условий присутствие ВСООНК после 31 июля 2020 года необходимо сохранить,
приветствуя меры, принятые на сегодняшний день для укрепления потенциала
миссии в части поддержания связи и взаимодействия, отмечая важность
планирования переходных мероприятий в связи с урегулированием и подчеркивая
необходимость регулярного обзора всех операций по поддержанию мира, включая
ВСООНК, для обеспечения действенности и эффективности,
присоединяясь к словам благодарности, высказанным Генеральным секретарем
правительству Кипра и правительству Греции за их добровольные взносы на цели
финансирования ВСООНК, и выражая признательность государствам-членам,
которые предоставляют персонал для ВСООНК,
с признательностью отмечая усилия Генерального секретаря, его
Специального представителя Элизабет Спехар и старшего должностного лица
Организации Объединенных Наций Джейн Холл Лут,
1. приветствует состоявшуюся 25 ноября 2019 года в Берлине трехстороннюю
встречу лидеров и Генерального секретаря, на которой обе стороны подтвердили свою
приверженность
двухобщинной,
двухзональной
федерации
с
обеспечением
политического равенства согласно соответствующим резолюциям Совета Безопасности,
включая пункт 4 его резолюции 716 (1991), Совместной декларации от 11 февраля 2014
года, предыдущим свидетельствам сближения позиций и рамочному документу из
2/6

20-10189

\u{000C}S/RES/2537 (2020)
Совет Безопасности

шести пунктов, представленному Генеральным секретарем 30 июня 2017 года на
Конференции по Кипру;
2. приветствует также согласие Генерального секретаря продолжить свои
усилия по выработке круга ведения, который служил бы консенсусной отправной
точкой для проведения поэтапных, конструктивных и ориентированных на результат
переговоров при первой же реальной возможности, и настоятельно призывает
стороны и всех вовлеченных участников вновь проявить политическую волю и
приверженность урегулированию под эгидой Организации Объединенных Наций, в
том числе путем активного и безотлагательного взаимодействия с Генеральным
секретарем и старшим должностным лицом Организации Объединенных Наций
Джейн Холл Лут;
3. вновь призывает к снижению напряженности в Восточном Средиземноморье
и призывает далее лидеров обеих киприотских общин и все вовлеченные стороны
воздерживаться от любых действий и высказываний, которые могли бы подорвать
шансы на успех;
4. вновь подтверждает все свои соответствующие резолюции по Кипру, в
частности резолюцию 1251 (1999);
5. ссылается на свою резолюцию 2506 (2020) и настоятельно призывает обоих
лидеров:
a) оперативно прилагать усилия в поддержку дальнейшей работы над
сближением позиций по основным вопросам;
b) подтвердить свою политическую поддержку всех технических комитетов,
наделить их способностью представлять им на рассмотрение предложения по
укреплению межобщинных контактов и улучшению повседневной жизни всех
киприотов и рассмотреть рекомендации относительно дальнейших путей
расширения
возможностей
технических
комитетов
и
повышения
результативности их работы, вынесенные в рамках миссии добрых услуг
Генерального секретаря;
c) осуществлять эффективную координацию и сотрудничество по вопросам
здравоохранения, в том числе в порядке реагирования на пандемию COVID-19 и
другие инфекционные заболевания, имеющие последствия для всего острова, в
том числе посредством эффективного использования экспертного ресурса
созданных на базе двух общин технических комитетов по здравоохранению,
антикризисному управлению, гуманитарным проблемам и экономическим
вопросам;
d) обеспечивать эффективную координацию и сотрудничество по уголовноправовым вопросам;
e) поощрять на всей территории острова образовательно-воспитательную
работу в интересах мира, в том числе за счет дальнейшего повышения
способности Технического комитета по вопросам образования выполнять
рекомендации, содержащиеся в его совместном докладе 2017 года, в частности
касающиеся формирования политики, и устранять препятствия миру в школьных
материалах, включая учебники, в качестве вклада в укрепление доверия между
общинами, в чем по-прежнему практически отсутствует прогресс;

20-10189

3/6

\u{000C}S/RES/2537 (2020)
Совет Безопасности

f) с учетом заявления Генерального секретаря от 25 ноября 2019 года
улучшать публичную атмосферу, с тем чтобы она способствовала достижению
урегулирования в ходе переговоров, в том числе за счет подготовки общин к
урегулированию с помощью публичных заявлений о сближении позиций и
дальнейших перспективах, озвучивания более конструктивных и согласованных
посылов и посредством воздержания от действий или высказываний, которые
приуменьшают значение успешного осуществления процесса или могут
затруднить его;
g) активнее поддерживать вовлечение гражданского общества в мирные
усилия и обеспечивать его конструктивную роль в них, в частности расширять
участие женских организаций и молодежи в этом процессе, в том числе путем
обеспечения Техническому комитету по вопросам гендерного равенства
возможности собраться и выработать план действий в поддержку полноценного,
равноправного и конструктивного участия женщин в мирных переговорах, а
также посредством прямой поддержки и поощрения деятельности организаций
гражданского общества по укреплению контактов и доверия между общинами;
6. призывает к созданию эффективного механизма прямых военных контактов
между сторонами и соответствующими вовлеченными участниками, рекомендует
провести полную проработку предложения о создании такого механизма,
представленного ВСООНК, и призывает к его своевременной реализации;
7. призывает стороны устранять существующие барьеры для межобщинных
контактов и подчеркивает важность эффективных методов коммуникации для
смягчения рисков и укрепления доверия между общинами;
8. призывает далее к возобновлению работы всех контрольно-пропускных
пунктов, возврату к их рабочему состоянию, существовавшему до 29 февраля 2020 года,
как только это станет практически возможно, и координации любых сохраняющихся
ограничений на передвижение по острову для предотвращения распространения
COVID-19, которые не должны выходить за рамки того, что необходимо для охраны
здоровья населения; и отмечает, что открытие контрольно-пропускных пунктов
является с 2003 года важной мерой укрепления доверия между обеими общинами и
имеет существенное значение для процесса урегулирования;
9. приветствует прогресс в деле обеспечения операционной совместимости
мобильных телефонов на всей территории острова, призывает к проведению
дальнейшей работы над обеспечением большей доступности, в том числе ценовой,
этого сервиса для абонентов по обе стороны острова и настоятельно призывает
стороны согласовать и осуществить дальнейшие меры укрепления доверия, в том
числе относящиеся к военной сфере, экономическому сотрудничеству и торговле;
10. положительно оценивает работу Комитета по вопросу о пропавших без
вести лицах и призывает все стороны в срочном порядке активизировать свое
сотрудничество с Комитетом в его работе, в частности путем обеспечения полного
доступа во все районы и своевременного реагирования на просьбы о предоставлении
архивной информации о возможных местах захоронения;
11. заявляет о своей полной поддержке ВСООНК и постановляет продлить их
мандат на дополнительный период, заканчивающийся 31 января 2021 года;
12. выражает серьезную озабоченность по поводу увеличения числа случаев
нарушения военного статус-кво вдоль линий прекращения огня и приобретения ими
4/6

20-10189

\u{000C}S/RES/2537 (2020)
Совет Безопасности

более серьезного характера, настоятельно призывает стороны и всех вовлеченных
участников уважать мандатные полномочия ВСООНК в буферной зоне и
устанавливаемые ими границы этой зоны, настоятельно призывает стороны
пользоваться памятной запиской Организации Объединенных Наций 2018 года в целях
обеспечения мира и безопасности в буферной зоне и призывает обе стороны
предотвращать неразрешенную деятельность между линиями прекращения огня;
13. призывает кипрско-турецкую сторону и турецкие силы восстановить в
Стровилии военный статус-кво, существовавший там до 30 июня 2000 года,
напоминает о статусе Вароши, установленном в соответствующих резолюциях,
включая резолюции 550 (1984) и 789 (1992), и подтверждает необходимость уважать
свободу передвижения ВСООНК;
14. приветствует объявление о том, что 18 предположительно опасных зон на
всей территории острова к настоящему времени очищены от мин, и настоятельно
призывает лидеров обеих общин согласовать и продолжать работу по плану
устранения минной опасности на Кипре;
15. просит ВСООНК в полной мере учитывать гендерные соображения в качестве
одного из сквозных вопросов в течение всего срока действия их мандата; просит
Генерального секретаря и страны, предоставляющие воинские и полицейские
контингенты, увеличить число женщин в составе ВСООНК, а также обеспечить
полноценное, эффективное и конструктивное участие женщин во всех аспектах их
операций;
16.
приветствует инициативы Генерального секретаря по закреплению
культуры результативности в деятельности ООН по поддержанию мира, ссылается на
свои резолюции 2378 (2017) и 2436 (2018), в которых Совет просил Генерального
секретаря обеспечить, чтобы данные о результативности, отражающие эффективность
операций по поддержанию мира, использовались для улучшения деятельности миссий,
включая решения по таким вопросам, как развертывание, исправление недостатков,
репатриация и стимулирование, вновь заявляет о своей поддержке разработки
всеобъемлющего и комплексного нормативного рамочного подхода к оценке
результативности, который устанавливал бы четкие стандарты служебной
деятельности для аттестации всего гражданского и негражданского персонала
Организации Объединенных Наций, участвующего в операциях по поддержанию мира
и оказывающего поддержку таким операциям, способствовал бы эффективному и
полному осуществлению мандатов и включал бы в себя всеобъемлющую и
объективную методологию, основанную на ясных и четко определенных контрольных
показателях, в целях привлечения к ответственности за неудовлетворительную работу
и применения стимулов и поощрений за образцовую работу, призывает Организацию
Объединенных Наций применять этот рамочный подход к ВСООНК в порядке,
описанном в резолюции 2436 (2018), и отмечает усилия Генерального секретаря по
разработке комплексной системы служебной аттестации;
17. просит, чтобы Генеральный секретарь и далее принимал все необходимые
меры для обеспечения полного соблюдения всем гражданским и негражданским
персоналом ВСООНК, включая руководство миссии и ее вспомогательный персонал,
проводимой Организацией Объединенных Наций политики абсолютной нетерпимости
к сексуальной эксплуатации и сексуальным надругательствам и держал Совет в курсе
всех событий, предоставляя Совету информацию о ходе работы миссии в этом
направлении, подчеркивает необходимость предотвращать такую эксплуатацию и
20-10189

5/6

\u{000C}S/RES/2537 (2020)
Совет Безопасности

надругательства и улучшить порядок рассмотрения заявлений о них в соответствии с
резолюцией 2272 (2016) и настоятельно призывает страны, предоставляющие
воинские и полицейские контингенты, и далее принимать надлежащие превентивные
меры, включая проверку всего персонала и проведение инструктажа перед
развертыванием и после прибытия в миссию, и предпринимать соответствующие шаги
к обеспечению всей полноты ответственности в случаях такого поведения их
персонала, в том числе путем своевременного расследования заявлений
соответственно странами, предоставляющими воинские и полицейские контингенты,
и ВСООНК, привлечения виновных к ответственности и репатриации подразделений
при
наличии
достоверных
доказательств
широко
распространенных
или
систематических случаев сексуальной эксплуатации или сексуальных надругательств
со стороны персонала таких подразделений;
18. просит Генерального секретаря представить к 10 января 2021 года доклад о
своих добрых услугах, в частности о прогрессе в деле выхода на консенсусную
отправную точку для конструктивных и ориентированных на результат переговоров,
ведущих к урегулированию, призывает лидеров обеих общин предоставить миссии
добрых услуг Генерального секретаря в письменном виде обновленную информацию о
действиях, предпринятых ими во исполнение соответствующих положений (в
частности, пунктов 5, 6 и 8) настоящей резолюции с даты ее принятия с целью достичь
устойчивого и всеобъемлющего урегулирования, просит также Генерального
секретаря включить такую обновленную информацию в доклад о своих добрых услугах;
и просит далее Генерального секретаря представить к 10 января 2021 года доклад об
осуществлении настоящей резолюции и по мере необходимости информировать Совет
Безопасности о развитии событий;
19. постановляет продолжать заниматься этим вопросом.

6/6

20-10189

\u{000C}
"""
    /// A list item's first line has a tab after its label, so pdftotext's text makes it look
    /// short and a block ends there (`(a) provide support … Government-led,`); the lowercase
    /// line after it goes on with the item instead of falling out of the list into `other`,
    /// which cut every later item from the paragraph.
    @Test func aListItemCutAfterItsLabelLineKeepsItsTextAndTheItemsAfterIt() throws {
        let doc = Self.parse(Self.englishLabelledList)
        let listed = doc.operative.filter { $0.subparagraphs.count >= 10 }
        #expect(listed.count == 1)
        let items = try #require(listed.first).subparagraphs
        #expect(items.map(\.label).joined() == "abcdefghijkl")
        #expect(items[0].text.contains("inclusive politics, and reach political agreement"))
        #expect(!doc.other.contains { $0.text.hasPrefix("inclusive politics") })
    }

    static let englishLabelledList = """
United Nations

S/RES/2540 (2020)

Security Council
Distr.: General
28 August 2020

Resolution 2540 (2020)
Adopted by the Security Council on 28 August 2020
The Security Council,
Recalling its previous resolutions and statements of its President on the situation in Somalia,
Reaffirming its respect for the sovereignty, territorial integrity, political independence, and
unity of Somalia, and underscoring the importance of working to prevent the destabilising effects of
regional disputes from spilling over into Somalia,
Expressing serious concern at the ongoing threat posed by Al-Shabaab, as well as the presence
of affiliates linked to Islamic State in Iraq and the Levant (ISIL, also known as Da’esh), condemning the
attacks by Al-Shabaab in Somalia and the region, including the attack on 28 December 2019 which killed
over 90 people and injured over 140, expressing concern at the increase in the use of Improvised
Explosive Devices (IEDs), and reiterating its determination to support comprehensive efforts to reduce
the threat posed by Al-Shabaab in Somalia,
Paying tribute to the bravery and sacrifices made by the Somali security forces and African
Union Mission in Somalia (AMISOM) and in the fight against Al-Shabaab, commending the contribution
of AMISOM to building lasting peace and stability in Somalia, recognising that security provided by
AMISOM continues to make a significant contribution, and further recognising the need to make
international support for Somali security efforts more efficient and effective, particularly ahead of the
Somali security institutions and forces taking the lead on security in 2021,
Emphasising the essential role of the United Nations Assistance Mission in Somalia (UNSOM)
in supporting the Federal Government of Somalia (FGS) and its Federal Member States (FMS) through
the provision of strategic advice and good offices, capacity building, and the coordination of international
partners’ support, including with respect to elections support, underscoring that this mandate is
complementary to the mandates of AMISOM, the United Nations Country Team and support provided by
other international partners, and underlining the importance of coordination among international
partners,
Expressing its full support for the Special Representative of the Secretary-General and head of
UNSOM, and for the Special Representative of the Chairperson of the African Union Commission for
Somalia and Head of AMISOM, and encouraging efforts to further strengthen relations between the FGS
and the United Nations,
Welcoming Somalia’s attainment of the decision point under the Heavily Indebted Poor
Countries Initiative on 25 March 2020, further welcoming Somalia’s economic and financial reforms and
the development of its ninth National Development Plan which have underpinned this, including FGSFMS cooperation, and recalling that further collaboration on political, security, development and
economic reforms will be essential to meet the Heavily Indebted Poor Countries Initiative Completion
Point,
Emphasising the importance of a comprehensive approach to peacebuilding and sustaining
peace in Somalia, particularly through the prevention of conflict, addressing root causes at all stages of
conflict, and undertaking political, economic and security reforms, and promoting social development,
Further welcoming commitments made by Somali stakeholders at the 2019 Somalia
Partnership Forum to accelerate security sector, economic and political reforms, in particular
commitments to deepen federalism and conduct elections in 2020/2021 that are free, fair, credible and,
20-11296 (E)
*2011296*

Please recycle

\u{000C}S/RES/2540 (2020)

welcoming also recent dialogue between the FGS and FMS, reiterating that elections, which are to be
held in 2020/2021, should be transparent and inclusive, held in accordance with the Provisional Federal
Constitution of Somalia and taking fully into account the recommendations of the National Independent
Electoral Commission (NIEC) and relevant parliamentary legislation, and be underpinned by broad based
consensus involving all relevant stakeholders including the FGS, FMS and Parliament, underscoring the
importance of a timely and inclusive electoral process for Somalia’s political stability, and further
reiterating its expectation that future elections in Somalia ensure the representation of all Somalis, in line
with long-standing commitments to conduct one-person-one-vote elections,
Welcoming progress made in recent meetings between the FGS and FMS, emphasising the
urgency of full cooperation between the FGS and all FMS, noting the responsibilities of all parties to
improve cooperation and engage in discussions led by the FGS in Dhusamareb, and underlining of the
importance of cooperation and consensus for further progress on key national priorities, including the
implementation of the National Security Architecture, agreement on a federated justice system, power
and resource-sharing, the constitutional review, fiscal federalism, and the planning and holding of
national elections,
Welcoming also the enactment in February 2020 of the Electoral Law, which represents a
significant step forward, and the resolution of key outstanding issues by the Somali Federal Parliament,
in collaboration with the NIEC, including the definition of constituencies, allocation of seats to
constituencies, implementation of the 30 percent quota of seats for women to which Somalia has
committed and representation of Benadir and “Somaliland”, and noting the importance of timely donor
support once an implementable, affordable and democratic electoral model has been agreed,
Further reaffirming the importance of inclusive politics and democratic elections in ensuring
long-term peace and stability in Somalia, underlining the need for swift implementation of the jointly
agreed Mutual Accountability Framework, including the political, economic and security milestones, and
recognising that the FGS has the primary responsibility to deliver Somalia’s commitments in close
cooperation with FMS,
Expressing concern about delays in consolidating Somalia’s federal system and underscoring
the importance of progress on key priorities, including power and resource-sharing, shared
responsibilities for security, the constitutional review and fiscal federalism, all of which require political
agreements that can form the basis for legislation in the Federal Parliament,
Recognising reconciliation efforts in Galmudug, reaffirming the importance of continued peace
and reconciliation in Jubaland, underlining the importance of dialogue and local reconciliation processes
to stability in Somalia, and further reaffirming the importance of leadership from the FGS and
engagement by the FMS in de-escalating tensions and engaging in constructive dialogue,
Welcoming the direct talks between the leaders of Somalia and “Somaliland” in Djibouti from
June 12–15, and encouraging additional technical and political discussions between the parties to build
confidence and strengthen political coordination,
Welcoming an increased focus on the need to revitalise the high-level meetings of the
Comprehensive Approach to Security through the newly established Security and Justice Committee
progress on security sector reforms, including on electronic payment of the security forces, human
resource management, progress in implementing the New Police Model, and initial progress in
conducting operations against Al-Shabaab in Lower Shabelle, expressing its concern that there have been
further delays to the implementation of the National Security Architecture, the delivery of the Somali-led
Transition Plan, which the FGS has committed to updating by the end of September 2020, the generation
of able, affordable, accountable and Somali forces, and the integration of regional forces in the federal
armed forces, further expressing concern over the implications of the lack of political dialogue and rising
tensions between the FGS and some of the FMS in delaying a range of security reforms, and underlining
the need to accelerate implementation of security sector reforms,
Reiterating the need for coordinated engagement among all actors towards transition to Somali
security leadership during 2021, in line with resolution 2520 (2020), the African Union Mission in
Somalia (AMISOM) Strategic Concept of Operations 2018–2021, and the aims set out in the Somali-led
Transition Plan, and emphasising in this regard the importance of the independent assessment with a
2/7

20-11296

\u{000C}S/RES/2540 (2020)

view to presenting options to the Security Council on international engagement in security arrangements
in Somalia post-2021, including the role of the UN, in particular that of UNSOM, AU and international
partners, as mandated in its resolution 2520 (2020), and the need for inclusive discussions with all
relevant actors,
Expressing grave concern at ongoing humanitarian crises in Somalia as a result of the
protracted conflict and recurring events including drought, flooding and the locust infestation,
recognising that the COVID-19 pandemic presents an additional and profound challenge to Somalia’s
health system, socio-economic and humanitarian situation, as well as social cohesion due to increased
stigmatisation, expressing further concern at the number of Somali refugees and increasing number of
internally displaced persons (IDPs), as well as their increasing humanitarian and protection needs,
welcoming the FGS’s recent ratification of the African Union Convention for the Protection and
Assistance of IDPs in Africa (the Kampala Convention), calling on the FGS to fully implement its
provisions and to make progress on its commitment to deliver durable solutions for displaced persons in
Somalia, reaffirming its strong condemnation of the deliberate targeting of civilians, including
humanitarian personnel, and civilian objects in situations of armed conflict, as well as the indiscriminate
use of weapons in populated areas and their consequences for the civilian population, calling upon all
parties to the conflict in Somalia to refrain from such practices in accordance with their obligations under
international law, welcoming the efforts by the FGS, FMS, the United Nations, and the response and
generous support by donors, encouraging further cooperation with international and national
humanitarian actors to relieve immediate need, and underlining the need for greater and diverse
investment in resilience, including for IDPs, in order to reduce long term need and support Somalia to
achieve sustainable development,
Condemning continued violations of international humanitarian law and violations and abuses
of human rights, expressing deep concern in particular at violations and abuses committed against
children and those involving sexual and gender-based violence in conflict and post-conflict situations,
recognising that women and girls are disproportionately affected by these violations and abuses in
Somalia, recalling the 2020 Conclusions on Children and Armed Conflict (S/2020/174), resolution 1325
(2000) and all subsequent resolutions on Women, Peace and Security, encouraging the swift enactment
of the Somali Child Rights Act, underscoring the need to respect, protect and promote human rights, end
impunity, and hold accountable those responsible for violations or abuses of human rights and violations
of international humanitarian law, and reaffirming its support for the United Nations’ zero tolerance
policy on sexual exploitation and abuse,
Recalling resolution 2532 (2020) demanding a general and immediate cessation of hostilities in
all situations on the Council’s agenda, as well as calling upon all parties to armed conflicts to engage
immediately in a durable humanitarian pause for at least 90 consecutive days, in order to enable the safe,
timely, unhindered and sustained delivery of humanitarian assistance in accordance with the
humanitarian principles of humanity, neutrality, impartiality and independence,
Expressing deep concern about the serious humanitarian threat posed to civilians by landmines,
explosive remnants of war (ERW) and IEDs in Somalia, which causes serious social and economic
consequences for the population of Somalia, and of personnel participating in law enforcement,
humanitarian, peacekeeping, rehabilitation and clearance programmes and operations, recognising that
mine action contributes to the protection of civilians and supports stabilization and peacebuilding efforts,
and underlining the need to accelerate capacity-building measures that aim to strengthen capacities to
mitigate against the threat of landmines, ERW and IEDs in Somalia,
Further recognising the adverse effects of climate change, other ecological changes, natural
disasters, among other factors, on the stability of Somalia, including through drought, desertification,
land degradation and food insecurity, and recalling its Presidential Statement S/PRST/2011/15,
1. Decides to extend until 31 August 2021 UNSOM’s mandate as set out in paragraph 1 of
resolution 2158 (2014);
2. Strongly condemns continued attacks by the terrorist group Al-Shabaab, including attacks
in the region, on the United Nations Compound in Mogadishu and AMISOM facilities, and urges the
FGS, AMISOM and the United Nations to work closely on strengthening safety and security for the
United Nations and AU facilities and staff;
20-11296

3/7

\u{000C}S/RES/2540 (2020)

3. Requests UNSOM to maintain and strengthen its presence in all of the FMS, subject to
United Nations security requirements and as the security situation allows, welcomes the strong
relationship between UNSOM, the United Nations Support Office in Somalia (UNSOS), the United
Nations Country Team and AMISOM, and underlines the importance of all entities continuing to
strengthen the relationship further at all levels, including through the Senior Leadership Coordination
Forum;
4. Expresses its deep appreciation for UNSOM’s support to the FGS as set out in paragraph 1
of its resolution 2158 (2014), in particular with regard to the development of inclusive politics and
preparations for the elections in 2021, the constitutional review process, mediation, prevention and
resolution of conflicts, the development of a federated police and justice system, strengthening the rule of
law and security sector reform, and coordinating capacity-building support on anti-corruption issues;
5. Further decides that UNSOM should continue to coordinate UN efforts, in full
cooperation with the FGS and FMS, with a particular focus on the following tasks:
(a) provide support to the FGS and the FMS to accelerate Somali Government-led,
inclusive politics, and reach political agreement, in order to deliver shared political and security
commitments, through inclusive regular high-level dialogue at all levels between the FGS and
all FMS;
(b) provide support to efforts undertaken by the FGS and the FMS to pursue interand intra-clan reconciliation at the local, regional and national level, including efforts in
Galmudug and Jubaland, as the basis for long-term stability in Somalia, and provide support to
efforts to strengthen the dialogue between the FGS and “Somaliland”;
(c) provide support, through the exercise of its good offices and through technical,
operational and logistical assistance to the FGS, the Somali Parliament, the NIEC, and any
other stakeholders with an agreed role in election delivery, in collaboration with UNSOS, for
the delivery of elections which are free, fair, timely, peaceful, transparent, credible and
inclusive, incorporating a direct voting component enabling as many citizens as possible to vote
in 2020/2021, in accordance with the Provisional Federal Constitution of Somalia, and taking
fully into account the perspectives of relevant stakeholders, with a particular focus on
supporting the NIEC at national level and in the FMS, along with local stakeholders to fulfil its
independent constitutional mandate to implement elections as agreed by relevant stakeholders,
continue to support efforts to make progress towards the objective of universal elections, and
support strengthened coordination of international electoral support to Somalia;
(d) provide technical advice and capacity-building to support the FGS in its efforts
to enable the full, equal and meaningful participation of all Somalis, including women, youth,
minority clans, persons with disabilities, IDPs and Somali refugees in reconciliation efforts,
conflict resolution, peacebuilding and elections, including supporting Somali commitments to
ensure that women fill at least 30 percent of the seats in both Houses of Parliament, and
increasing participation and empowerment of women, minority communities and other
marginalised groups at all decision-making levels;
(e) provide support to the FGS and the FMS to accelerate implementation of key
security sector reforms, in conjunction with international partners, AMISOM and UNSOS,
including a coherent National Security Architecture with a military and civilian component,
delivery of the Somali-led Transition Plan, agreement on a federated justice and corrections
model, the establishment and strengthening of effective, accountable and constitutional rule of
law institutions;
(f) provide coordination and strategic advice to improve the operation of the
Comprehensive Approach to Security and collaboration between the FGS and international
partners, as agreed in the Security Pact at the 2017 London Somalia Conference;
(g) provide support to United Nations entities to ensure system-wide implementation
of the Human Rights Due Diligence Policy across all United Nations support to AMISOM and
the Somali security sector, to include a strong focus on strengthening engagement with the

4/7

20-11296

\u{000C}S/RES/2540 (2020)

Government, including on implementation of mitigation, compliance and accountability
measures;
(h) provide technical advice and capacity-building support to the establishment of
the National Human Rights Commission and to the FGS, in particular the Ministry for Women
and Human Rights Development, to promote and protect human rights in Somalia, including to
protect women and girls from sexual and gender based violence, to promote accountability for
human rights violations and abuses, including through working with civil society, reinforcing
and aligning human rights efforts across security-related and humanitarian agendas, and
monitor and include information on the human rights situation in the Secretary-General’s
reporting in accordance with paragraph 16;
(i) provide support, within its mandate and existing resources, to the FGS in the
implementation of the 2019 Mutual Accountability Framework (MAF) for Somalia;
(j) provide support to the FGS to implement Somalia’s National Strategy and Action
Plan for Preventing and Countering Violent Extremism, in order to strengthen Somalia’s
capacity to prevent and counter terrorism, including Somalia’s capacity to address conditions
conducive to the spread of terrorism, in compliance with Somalia’s obligations under
international law, including international humanitarian law, international human rights law and
international refugee law, and provide support to Somalia’s efforts to become a state party to
the international counter-terrorism conventions and protocols;
(k) provide support and strategic policy advice to bolster the FGS’s ability to deliver
services and attract investment, and help the FGS to establish frameworks for managing
resources and power sharing, in order to enable Somalia to strengthen revenue mobilisation,
resource allocation, budget execution, and anti-corruption measures, as set out in the New
Partnership for Somalia;
(l) support Somalia’s efforts to advance 2030 Agenda for Sustainable Development,
working closely with the United Nations Country Team, provide strategic advice to institutional
capacity building in line with the Somalia National Development Plan, collaborate with the
international financial institutions to support the mobilisation of economic and development
assistance, and ensure effective and integrated cooperation of United Nations agencies, funds
and programmes and promote cooperation with relevant partners, with a view to making
maximum use of development financing in Somalia, including in response to flooding, locusts
and the COVID-19 pandemic;
6. Calls upon the FGS and the FMS to enhance as a matter of urgency broad-based
consultations and consensus building through consultative mechanisms at all levels and with the two
Houses of Parliament on key national priorities, including the implementation of the National Security
Architecture, the delivery of the Somali-led Transition Plan, delivery of further economic reforms, the
review of the Constitution, and implementation of timely elections;
7. Urges the Somali authorities to create a conducive political and security climate for
inclusive elections across Somalia and at all levels to foster political pluralism, ensure political space for
the role, rights and responsibilities of legally constituted political parties, including opposition parties,
uphold the rights of freedom of expression, association, peaceful assembly and movement, including the
ability of independent journalists to freely operate, and condemn hate speech and incitement to violence,
and calls upon all FMS to allow the NIEC to operate freely in each FMS to the extent required to deliver
an agreed electoral model;
8. Expresses its concern about all violations of international humanitarian law and violations
and abuses of human rights, including those involving sexual and gender-based violence in conflict,
further calls upon all parties to comply with their obligations under international law, including
international humanitarian law, as applicable, in relation to the protection of the civilian population, and
civilian objects, and further reiterates the urgent and imperative need to hold accountable all those
responsible for violations of international humanitarian law and violations and abuses of human rights,
including the right to freedom of expression, including against journalists and other media professionals
and associated personnel;
20-11296

5/7

\u{000C}S/RES/2540 (2020)

9. Demands all parties to the conflict to take appropriate measures to end and prevent
violations and abuses against children, including the continued recruitment and use of children in armed
conflict, in accordance with obligations under international law, identify those responsible for such
violations and abuses, consider primarily as victims those children who have been released or otherwise
separated from armed forces and armed groups as per the Paris Principles endorsed by the FGS, cease
detention of all children on national security charges where it is in violation of applicable international
law, calls upon the FGS to implement fully the UN Convention on the Rights of the Child 1989
(UNCRC), the two Action Plans signed by the FGS in 2012 to end and prevent the recruitment and use of
child soldiers and the killing and maiming of children, the Somali National Army Command Order on the
Protection of Children’s Rights Before, During and After Operations, the roadmap signed in 2019 and the
Standard Operating Procedures on the handover of children, and underscores the need to strengthen the
legal and operational framework for the protection of children in Somalia, including by Somalia
becoming a party to the Optional Protocols to the UNCRC and the African Charter on the Rights and
Welfare of the Child;
10. Further strongly condemns any misuse or obstruction of humanitarian assistance,
including attacks against humanitarian and medical personnel, and against their means of transport and
equipment, as well as hospitals and other medical facilities in violation of international law, and demands
that all parties allow and facilitate full, safe, rapid and unhindered access for the timely delivery of aid to
persons in need across Somalia in line with the humanitarian principles, including by dismantling illegal
checkpoints and removing administrative hurdles, and underlines the importance of proper accounting in
international humanitarian support;
11. Calls upon the FGS, the FMS and all relevant actors to facilitate, support and, where
appropriate, implement durable solutions for internal displacement, including local integration or
resettlement, and to create the conditions conducive to the voluntary, safe, dignified and sustainable
return of refugees and IDPs, with the support of the international community;
12. Underlines the need for the FGS to establish and operationalise the National Human
Rights Commission, accelerate the appointment of Commissioners, and establish and operationalise the
Constitutional Court and the Judicial Service Commission in line with the Provisional Constitution and
the relevant legislation, calls on the FGS to implement legislation aimed at protecting human rights and
investigating and prosecuting perpetrators of crimes involving violations or abuses of human rights,
violations of international humanitarian law, and sexual and gender-based violence in conflict and postconflict situations, further calls on the FGS to ensure that sexual offences legislation be compatible with
its obligations under international law and commitments on the protection of children and women, and
urges the FGS, with the support of the United Nations, to accelerate the implementation of the Joint
Communiqué and the adoption and implementation of the new National Action Plan to Combat Sexual
Violence in Conflict, and commends the FGS for its commitment to fulfilling its reporting obligations
under human rights treaty bodies;
13. Requests the United Nations, the FGS and the FMS to consider the adverse implications of
climate change, other ecological changes, natural disasters, among other factors, in their programmes in
Somalia, including by undertaking risk assessments and risk management strategies relating to these
factors, andrequests the Secretary-General to provide an update in mandated reporting as appropriate;
14. Recalls its request in resolution 2520 (2020) that the Secretary-General conducts an
independent assessment, by 10 January 2021, and present options to the Security Council on
international support to the whole security environment in Somalia post 2021, and reiterates that options
on UNSOM’s role in this regard should be provided as part of this independent assessment;
15. Affirms that it shall keep the situation in Somalia under continuing review and be prepared
to review the provisions contained in this resolution, at any time as may be necessary, in light of the
evolution of the political developments and the situation in the country;
16. Requests the Secretary-General to keep the Security Council regularly informed on the
implementation of this resolution, and to identify and report on progress towards achieving key political
benchmarks, in particular progress towards elections, including through oral updates and no fewer than
four written reports, with the first written report due by 15 November and every 90 days thereafter;
6/7

20-11296

\u{000C}S/RES/2540 (2020)

17. Decides to remain actively seized of the matter.

20-11296

7/7

\u{000C}
"""
    /// The operative numbers of a page printed partly before its paragraphs and partly after
    /// its footer (`5.` `8.`, the texts, `2/2`, `6.` `7.`) are put back in order.
    @Test func aNumberColumnCutInTwoAroundItsPageIsReattachedInOrder() {
        let doc = Self.parse(Self.englishScatteredNumbers)
        #expect(doc.operative.map(\.number) == Array(1...8))
        #expect(doc.other.isEmpty, "left over: \(doc.other.map(\.text))")
        #expect(doc.operative.last?.text.hasPrefix("Decides to remain seized") == true)
    }

    static let englishScatteredNumbers = """
United Nations

S/RES/2532 (2020)

Security Council
Distr.: General
1 July 2020

Resolution 2532 (2020)
Adopted by the Security Council on 1 July 2020

1.

2.

3.

4.

The Security Council,
Recalling its primary responsibility for the maintenance of international peace and security,
Reaffirming the principles and purposes of the Charter of the United Nations,
Expressing grave concern about the devastating impact of the COVID-19 pandemic across the world,
especially in countries ravaged by armed conflicts, or in post-conflict situations, or affected by
humanitarian crises,
Recognizing that conditions of violence and instability in conflict situations can exacerbate the pandemic,
and that inversely the pandemic can exacerbate the adverse humanitarian impact of conflict situations,
Recognizing that the peacebuilding and development gains made by countries in transition and postconflict countries could be reversed in light of the COVID-19 pandemic outbreak,
Underscoring that combating this pandemic requires greater national, regional and international
cooperation and solidarity, and a coordinated, inclusive, comprehensive and global international response
with the United Nations playing a key coordinating role,
Commending the continued contribution and commitment of national and international health and
humanitarian relief personnel to respond urgently to the COVID-19 pandemic,
Recognizing efforts and measures proposed by the Secretary-General concerning the response to the
potential impact of the COVID-19 pandemic to conflict-affected countries, in particular his appeal for an
immediate global ceasefire,
Having considered the resolution 74/270 “Global solidarity to fight the coronavirus disease 2019
(COVID-19)” adopted by the UN General Assembly on April 2nd 2020,
Acknowledging the launch of the Global Humanitarian Response Plan for COVID-19 by the United
Nations, which puts the people at the center of the response,
Considering that the unprecedented extent of the COVID-19 pandemic is likely to endanger the
maintenance of international peace and security,
Demands a general and immediate cessation of hostilities in all situations on its agenda and supports the
efforts undertaken by the Secretary-General and his Special Representatives and Special Envoys in that
respect;
Calls upon all parties to armed conflicts to engage immediately in a durable humanitarian pause for at
least 90 consecutive days, in order to enable the safe, unhindered and sustained delivery of humanitarian
assistance, provisions of related services by impartial humanitarian actors, in accordance with the
humanitarian principles of humanity, neutrality, impartiality and independence, and medical evacuations,
in accordance with international law, including international humanitarian law and refugee law as
applicable;
Affirms that this general and immediate cessation of hostilities and this humanitarian pause do not apply to
military operations against the Islamic State in Iraq and the Levant (ISIL, also known as Da’esh), Al
Qaeda and Al Nusra Front (ANF), and all other individuals, groups, undertakings and entities associated
with Al Qaeda or ISIL, and other terrorist groups, which have been designated by the Security Council;
Requests the Secretary-General to help ensure that all relevant parts of the United Nations system,
including UN Country Teams, in accordance with their respective mandates, accelerate their response to
the COVID-19 pandemic with a particular emphasis on countries in need, including those in situations of
armed conflict or affected by humanitarian crises;

20-08831 (E)
*2008831*

Please recycle

\u{000C}S/RES/2532 (2020)
Security Council

5.

8.

Requests the Secretary-General to provide updates to the Security Council on the UN efforts to address
the COVID-19 pandemic in countries in situations of armed conflict or affected by humanitarian crises, as
well as on the impact of COVID-19 on the ability of peace-keeping operations and Special Political
Missions to deliver their mandated priority tasks;
Requests the Secretary-General to instruct peace-keeping operations to provide support, within their
mandates and capacities, to host country authorities in their efforts to contain the pandemic, in particular
to facilitate humanitarian access, including to internally displaced persons and refugee camps and allow
for medical evacuations, and further requests the Secretary-General and Member States to take all
appropriate steps to protect the safety, security and health of all UN personnel in UN peace operations,
while maintaining the continuity of operations, and to take further steps towards the provision of training
for peacekeeping personnel on issues related to preventing the spread of COVID-19;
Acknowledges the critical role that women are playing in COVID-19 response efforts, as well as the
disproportionate negative impact of the pandemic, notably the socio-economic impact, on women and
girls, children, refugees, internally displaced persons, older persons and persons with disabilities, and
calls for concrete actions to minimize this impact and ensure the full, equal and meaningful participation
of women and youth in the development and implementation of an adequate and sustainable response to
the pandemic;
Decides to remain seized of the matter.

2/2

20-08831

6.

7.

\u{000C}
"""
    /// Two footnotes citing the same document (`S/RES/2368 (2017).`) stand at the foot of two
    /// pages, next to the page feeds, like a running footer: a sentence is not furniture, so
    /// both are read as notes.
    @Test func identicalNotesAtTwoPageFeetAreNotRunningFooters() {
        let doc = Self.parse(Self.englishRepeatedNotes)
        #expect(doc.footnotes.map(\.number) == [1, 2])
        #expect(doc.footnotes.allSatisfy { $0.text == "S/RES/2368 (2017)." })
        #expect(!doc.furniture.contains("S/RES/2368 (2017)."))
    }

    static let englishRepeatedNotes = """
United Nations

S/RES/2560 (2020)

Security Council
Distr.: General
29 December 2020

Resolution 2560 (2020)
Adopted by the Security Council on 29 December 2020
The Security Council,
Recalling its resolutions 1267 (1999), 1333 (2000), 1363 (2001), 1373 (2001), 1390
(2002), 1452 (2002), 1455 (2003), 1526 (2004), 1566 (2004), 1617 (2005), 1624 (2005),
1699 (2006), 1730 (2006), 1735 (2006), 1822 (2008), 1904 (2009), 1988 (2011), 1989
(2011), 2083 (2012), 2133 (2014), 2161 (2014), 2170 (2014), 2178 (2014), 2195 (2014),
2199 (2015), 2214 (2015), 2249 (2015), 2253 (2015), 2309 (2016), 2322 (2016), 2331
(2016), 2341 (2017), 2347 (2017), 2349 (2017), 2354 (2017), 2368 (2017), 2379 (2017),
2388 (2017), 2396 (2017), 2427 (2018), 2462 (2019), 2482 (2019),
Expressing its gravest concern about the presence, ideology, and actions of ISIL and AlQaida, and the growing presence of their affiliates around the world,
Recalling the importance of Member States fulfilling all of their obligations under the
Charter of the United Nations,
Emphasizing that sanctions are an important tool under the Charter of the United Nations in
the maintenance and restoration of international peace and security, including in support of
countering terrorism,
Stressing the important role of the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions
Committee plays in identifying possible cases of non-compliance with the measures
pursuant to Resolution 2368 (2017) 1, including its role in determining the appropriate
course of action on each case,
Recalling the Committee’s position on Recommendations of the Analytical Support and
Sanctions Monitoring Team contained in its twenty-sixth report of 26 June 2020 regarding
asset-freezing actions and their implementation,
Reaffirming the need to combat by all means, in accordance with the Charter of the United
Nations and international law, including applicable international human rights law,
international refugee law, and international humanitarian law, threats to international peace
and security caused by terrorist acts, stressing in this regard the important role the United
Nations plays in leading and coordinating this effort,
Recognizing that development, security, and human rights are mutually reinforcing and are
vital to an effective and comprehensive approach to countering terrorism, and underlining
that a particular goal of counter-terrorism strategies should be to ensure sustainable peace
and security,

1

S/RES/2368 (2017).

20-17870 (E)
*2017870*

Please recycle

\u{000C}S/RES/2560 (2020)
Security Council

Recognizing the need to take measures to increase fairness, and the effectiveness of the
rules and procedures of the Committee, and reiterating the importance of the Office of the
Ombudsperson,
1. Continues to encourage all Member States to more actively submit to the Committee listing
requests of individuals, groups, undertakings and entities that meet listing criteria in
paragraph 2 of Resolution 2368 (2017) 2, to submit to the Committee additional identifying
and other information set out in paragraph 85 of Resolution 2368 (2017) in order to keep
the ISIL (Da’esh) & Al-Qaida Sanctions List reliable and up-to-date, and to make use of
the provisions regarding available exemptions to the measures in paragraph 1 (a) and 81 (a)
of Resolution 2368 (2017);
2.

Requests the Analytical Support and Sanctions Monitoring Team to study the basic and
extraordinary exemptions procedures set out in paragraphs 81 (a) and (b) of Resolution
2368 (2017), and to provide recommendations, within 9 months of the adoption of this
resolution, to the Committee to determine whether or not updating those exemptions is
required;

3. Decides to remain actively seized of the matter.

2

2/2

S/RES/2368 (2017).
20-17870

\u{000C}
"""
}
