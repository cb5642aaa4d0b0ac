/**
 * Seed articles for the public blog. German, informal "du", calm and warm.
 * Every claim rests on /work/shared/DOMAIN.md or on well-established general knowledge.
 */

export type SeedArticle = {
  slug: string; // lowercase ascii, hyphens, German transliteration ä→ae ö→oe ü→ue ß→ss
  title: string;
  excerpt: string; // 1-2 sentences, max ~200 chars
  body: string; // Markdown (GFM)
  tags: string[]; // 2-4 lowercase German tags
  sources: string[]; // plain-text citations the article relies on
  publishedDaysAgo: number; // how many days before "now" it was published
};

const wherePainComesFrom: SeedArticle = {
  slug: "warum-chronischer-rueckenschmerz-oft-nicht-dort-entsteht-wo-er-wehtut",
  title: "Warum chronischer Rückenschmerz oft nicht dort entsteht, wo er wehtut",
  excerpt:
    "Schmerz ist ein Schutzsignal des Gehirns, kein direkter Schadensmelder. Warum das Nervensystem Schmerz lernen kann – und warum Befunde im MRT oft ganz normales Älterwerden zeigen.",
  tags: ["schmerzwissen", "bildgebung", "studien"],
  sources: [
    "Brinjikji W. et al. (2015): Systematic Literature Review of Imaging Features of Spinal Degeneration in Asymptomatic Populations. American Journal of Neuroradiology (AJNR).",
    "Alan Gordon, Alon Ziv (2021): The Way Out. Avery. Deutsche Ausgabe: „Wege aus dem Schmerz“.",
    "Howard Schubiner: Unlearn Your Pain.",
  ],
  publishedDaysAgo: 40,
  body: `Wenn dein Rücken seit Monaten oder sogar Jahren wehtut, liegt ein Gedanke sehr nahe: Irgendwo da unten muss etwas kaputt sein. Etwas, das man nur finden und reparieren müsste. Dieser Gedanke ist verständlich – und trotzdem erzählt er bei chronischen Rückenschmerzen oft nur einen kleinen Teil der Geschichte. In diesem Artikel schauen wir uns in Ruhe an, wie Schmerz überhaupt entsteht, welche Rolle dein Gehirn dabei spielt und warum ein auffälliges MRT-Bild viel seltener die Erklärung ist, als man denkt.

Du bist mit diesem Thema übrigens nicht allein: Etwa jeder fünfte Erwachsene in Deutschland hat chronische Rückenschmerzen. Und bei rund 85 Prozent davon findet sich keine körperliche Ursache, die den Schmerz wirklich erklärt. Fachleute sprechen dann von „nicht-spezifischen“ Rückenschmerzen.

## Schmerz ist ein Schutzsignal – kein Schadensmelder

Lange Zeit hat man sich Schmerz wie eine Klingelleitung vorgestellt: Irgendwo im Körper passiert ein Schaden, ein Signal läuft über die Nerven nach oben, und oben klingelt es. Je größer der Schaden, desto lauter die Klingel.

Heute weiß man, dass es so einfach nicht ist. Die Nerven im Gewebe melden Reize – Druck, Hitze, chemische Veränderungen. Ob daraus aber tatsächlich Schmerz wird und wie stark er ausfällt, entscheidet das Gehirn. Schmerz ist, vereinfacht gesagt, eine Schlussfolgerung deines Nervensystems: „Achtung, hier könnte Gefahr sein. Pass auf dich auf.“

Meistens ist das eine großartige Einrichtung. Ohne Schmerz würdest du die Hand nicht von der heißen Herdplatte ziehen und einen verstauchten Fuß nicht schonen. Doch zwei bekannte Beobachtungen zeigen, dass Schmerz und Gewebeschaden nicht eins zu eins zusammenhängen:

- **Phantomschmerz:** Manche Menschen spüren nach einer Amputation Schmerzen in einem Körperteil, das gar nicht mehr da ist. Es gibt dort kein Gewebe, das geschädigt sein könnte – und trotzdem ist der Schmerz echt.
- **Verletzungen, die man erst später bemerkt:** Beim Sport oder in einer aufregenden Situation merken viele erst hinterher, dass sie sich verletzt haben. Solange das Gehirn mit etwas anderem beschäftigt war, blieb der Schmerz leise.

### Was dein Gehirn in seine Bewertung einbezieht

Wenn dein Gehirn entscheidet, ob und wie stark etwas wehtut, fließt viel mehr ein als nur die Signale aus dem Rücken:

- frühere Erfahrungen mit Schmerz und Verletzungen
- Erwartungen und Überzeugungen, zum Beispiel „Mein Rücken ist kaputt“
- Stress, Sorgen, Angst und Anspannung
- Schlaf, Erschöpfung und deine allgemeine Verfassung
- die Situation, in der du gerade bist, und wie sicher du dich darin fühlst

Deshalb kann derselbe Reiz an einem entspannten Urlaubstag kaum spürbar sein und an einem hektischen Montag im Büro kräftig wehtun.

## Wie das Nervensystem Schmerz lernen kann

Dein Nervensystem ist lernfähig – ein Leben lang. Diese Fähigkeit nennt man Neuroplastizität. Sie sorgt dafür, dass du Fahrradfahren, eine Sprache oder ein Musikinstrument lernen kannst: Was oft wiederholt wird, wird leichter und automatischer.

Leider funktioniert dieses Lernen auch beim Schmerz. Wenn Schmerz lange anhält, kann das Nervensystem gewissermaßen „üben“. Die Schmerzverarbeitung wird empfindlicher, der Alarm springt schneller an und bleibt länger an – selbst dann, wenn das Gewebe längst verheilt ist. Fachleute sprechen von noziplastischem Schmerz; im Umfeld der Pain Reprocessing Therapy ist auch der Begriff **neuroplastischer Schmerz** üblich. Gemeint ist in beiden Fällen: Der Schmerz entsteht vor allem durch eine veränderte Verarbeitung im Nervensystem, nicht durch einen fortbestehenden Schaden im Rücken.

### Ein Alarm, der zu empfindlich eingestellt ist

Ein Bild, das vielen hilft, ist ein Rauchmelder. Er soll anschlagen, wenn es brennt. Ein überempfindlicher Rauchmelder schlägt aber auch schon an, wenn jemand Toast macht. Der Alarm ist dann echt und laut – nur passt er nicht mehr zur tatsächlichen Gefahr.

Oft hält sich so ein Alarm durch einen Kreislauf selbst am Laufen:

1. Der Rücken tut weh.
2. Du machst dir Sorgen, achtest ständig auf den Schmerz und vermeidest bestimmte Bewegungen.
3. Die Muskeln spannen sich an, das Nervensystem bleibt in Alarmbereitschaft.
4. Das Gehirn wertet die Lage als noch gefährlicher – und der Schmerz wird stärker oder bleibt.

Das ist niemandes Schuld. Es ist ein ganz normaler Schutzmechanismus, der in eine Schleife geraten ist.

## Gewebe heilt – meist innerhalb weniger Wochen

Unser Körper ist erstaunlich gut im Heilen. Akute Verletzungen von Gewebe heilen in der Regel innerhalb von etwa 6 bis 12 Wochen. Eine Zerrung, eine Überlastung oder ein „Hexenschuss“ können in dieser Zeit heftig wehtun – und trotzdem heilt das Gewebe in aller Regel gut aus.

Wenn ein Schmerz aber Monate oder Jahre über diese Zeit hinaus bleibt, lohnt sich eine andere Frage: Ist wirklich noch etwas verletzt – oder ist der Alarm geblieben, nachdem die Verletzung längst verheilt ist? Eine lange Schmerzdauer allein beweist nichts. Sie ist aber ein Hinweis, dass es sich lohnen kann, auch das Nervensystem in den Blick zu nehmen.

## Was Bilder von der Wirbelsäule zeigen – und was nicht

Viele Menschen mit Rückenschmerzen haben ein MRT oder Röntgenbild machen lassen und darin Wörter gelesen wie „Degeneration“, „Vorwölbung“ oder „Verschleiß“. Das klingt beunruhigend. Umso wichtiger ist ein Blick darauf, wie häufig solche Befunde bei Menschen sind, die **gar keine** Rückenschmerzen haben.

Genau das hat eine systematische Übersichtsarbeit von Waleed Brinjikji und seinem Team aus dem Jahr 2015 untersucht. Ausgewertet wurden Bildaufnahmen von über 3.000 Menschen ohne Rückenschmerzen. So häufig fanden sich typische Befunde, je nach Alter:

| Befund (bei Menschen ohne Rückenschmerzen) | 20 Jahre | 50 Jahre | 60 Jahre | 80 Jahre |
|---|---|---|---|---|
| Bandscheibendegeneration | 37 % | 80 % | 88 % | 96 % |
| Bandscheibenvorwölbung (Bulging) | 30 % | 60 % | 69 % | 84 % |
| Bandscheibenprotrusion | 29 % | 36 % | 38 % | 43 % |

Die meisten schmerzfreien Menschen über 50 haben also solche Befunde. Sie gehören zum Älterwerden dazu – ein bisschen wie graue Haare oder Fältchen, nur eben innen. Für sich allein erklären sie deshalb oft nicht, warum jemand Schmerzen hat.

> Ein Befund im Bild ist zunächst eine Beschreibung, keine Erklärung. Ob er mit deinem Schmerz zu tun hat, ist eine ganz andere Frage.

Das heißt nicht, dass Bildgebung nutzlos wäre oder dass Befunde nie eine Rolle spielen. Ob ein Befund bei dir bedeutsam ist, gehört in ärztliche Hände. Es heißt aber: Wenn du ein auffälliges MRT hast, ist das noch kein Beweis dafür, dass dein Rücken „kaputt“ ist. Und allein das Wissen darum kann schon etwas Druck aus dem Alarmsystem nehmen. Denn beängstigende Worte im Befundbericht können das Gefahrengefühl verstärken – und damit, wie oben beschrieben, auch den Schmerz.

## Was das für dich bedeuten kann

Vielleicht fragst du dich jetzt: Heißt das, mein Schmerz ist nur eingebildet? Nein. Dein Schmerz ist echt. Er entsteht im Gehirn – aber das tut jeder Schmerz, auch der nach einem Knochenbruch. Die eigentliche Frage ist nicht, *ob* er da ist, sondern *was ihn am Laufen hält*.

Und hier liegt eine ermutigende Seite: Was das Nervensystem gelernt hat, kann sich auch wieder verändern. Ansätze wie die Pain Reprocessing Therapy setzen genau dort an. Dazu gehören zum Beispiel:

- **Verstehen:** zu begreifen, wie Schmerz entsteht, nimmt vielen bereits einen Teil der Angst.
- **Beobachten:** in einem Schmerztagebuch zu schauen, ob dein Schmerz eher mit Stress und Gefühlen schwankt als mit Belastung.
- **Sicherheit vermitteln:** dem Nervensystem durch freundliche Aufmerksamkeit und neue Erfahrungen zu zeigen, dass keine Gefahr besteht.
- **Wieder in Bewegung kommen:** behutsam und in deinem Tempo, ohne dich zu überfordern.

Wie das genau aussieht und wie gut das wirken kann, beschreibt der Artikel über die Boulder-Studie. Wenn du tiefer einsteigen möchtest, sind zwei Bücher ein guter Anfang: „The Way Out“ von Alan Gordon (auf Deutsch „Wege aus dem Schmerz“) und „Unlearn Your Pain“ von Howard Schubiner.

Ob dieses Modell auf dich passt, kann nur ein genauer Blick auf deine Geschichte zeigen. Es ist kein Versprechen, dass jeder Schmerz so erklärt werden kann – aber für viele Menschen ist es ein neuer, hoffnungsvoller Blickwinkel.

## Wichtig zum Schluss

Coaching ersetzt keine ärztliche Diagnose und keine medizinische Behandlung. Bevor du mit einem Ansatz wie diesem arbeitest, sollten körperliche Ursachen deiner Beschwerden von einer Ärztin oder einem Arzt abgeklärt und ausgeschlossen sein. Bei neuen, starken oder ungewöhnlichen Beschwerden wende dich bitte immer zuerst an deine Hausarztpraxis.
`,
};

const boulderStudy: SeedArticle = {
  slug: "was-die-boulder-studie-ueber-pain-reprocessing-therapy-zeigt",
  title: "Was die Boulder-Studie über Pain Reprocessing Therapy zeigt",
  excerpt:
    "2021 erschien eine randomisierte Studie mit 151 Menschen mit chronischen Rückenschmerzen. Was sie gezeigt hat, woraus PRT besteht – und wo die ehrlichen Grenzen liegen.",
  tags: ["studien", "prt", "schmerzwissen"],
  sources: [
    "Ashar Y. K. et al. (2021): Effect of Pain Reprocessing Therapy vs Placebo and Usual Care for Patients With Chronic Back Pain: A Randomized Clinical Trial. JAMA Psychiatry.",
    "Alan Gordon, Alon Ziv (2021): The Way Out. Avery. Deutsche Ausgabe: „Wege aus dem Schmerz“.",
  ],
  publishedDaysAgo: 21,
  body: `Wer lange Rückenschmerzen hat, hat meist schon viel ausprobiert: Physiotherapie, Tabletten, Spritzen, Massagen, vielleicht eine Reha. Manches hat kurz geholfen, vieles nicht dauerhaft. Umso aufmerksamer sind viele geworden, als 2021 eine Studie erschien, deren Ergebnisse ungewöhnlich deutlich ausfielen. Sie ist als „Boulder Back Pain Study“ bekannt geworden und hat einen Ansatz untersucht, der den Schmerz nicht im Rücken, sondern in der Verarbeitung durch das Gehirn angeht: die Pain Reprocessing Therapy, kurz PRT.

In diesem Artikel schauen wir uns an, was genau untersucht wurde, was herauskam, woraus PRT eigentlich besteht – und wo man ehrlich sagen muss: Hier sind die Grenzen.

## Worum es in der Studie ging

Die Studie von Yoni Ashar und seinem Forschungsteam wurde 2021 in der Fachzeitschrift *JAMA Psychiatry* veröffentlicht. Ihren Spitznamen hat sie von der Stadt Boulder im US-Bundesstaat Colorado, wo sie durchgeführt wurde.

Es handelte sich um eine **randomisierte Studie**. Das bedeutet: Die Teilnehmenden wurden per Zufall auf verschiedene Gruppen verteilt. So lässt sich besser erkennen, ob ein Unterschied wirklich an der Behandlung liegt und nicht etwa daran, wer sich für welche Behandlung entschieden hat.

Teilgenommen haben 151 Erwachsene mit chronischen Rückenschmerzen. Das waren keine Menschen mit „ein bisschen Rücken“: Im Durchschnitt hatten sie ihre Schmerzen schon seit mehr als zehn Jahren, und die Schmerzstärke lag bei mindestens 4 auf einer Skala von 0 bis 10.

### Drei Gruppen im Vergleich

Die Teilnehmenden wurden auf drei Gruppen verteilt:

1. **Pain Reprocessing Therapy:** zuerst ein Aufklärungsgespräch mit einem Arzt, danach 8 Sitzungen über 4 Wochen.
2. **Offenes Placebo:** eine Spritze ohne Wirkstoff. „Offen“ heißt: Die Teilnehmenden wussten, dass es ein Placebo ist.
3. **Übliche Versorgung:** Diese Gruppe machte einfach so weiter wie bisher, mit der Behandlung, die sie ohnehin bekam.

## Die Ergebnisse

Gemessen wurde unter anderem, wie viele Menschen nach der Behandlung schmerzfrei oder fast schmerzfrei waren – also bei 0 oder 1 von 10 lagen:

| Gruppe | schmerzfrei oder fast schmerzfrei (0–1 von 10) |
|---|---|
| Pain Reprocessing Therapy | 66 % |
| Offenes Placebo | 20 % |
| Übliche Versorgung | 10 % |

In der PRT-Gruppe waren das also ungefähr zwei von drei Menschen – nach durchschnittlich mehr als zehn Jahren Schmerz und nach nur etwa einem Monat Behandlung.

> Bemerkenswert ist nicht nur die Größe des Effekts, sondern auch seine Dauer: Die Verbesserungen hielten sich zu einem großen Teil auch noch nach einem Jahr.

Auch das Placebo hat übrigens etwas bewirkt – ein Fünftel dieser Gruppe war danach schmerzfrei oder fast schmerzfrei. Das passt gut zu dem, was man über Schmerz weiß: Erwartungen und das Gefühl von Sicherheit beeinflussen, wie stark das Gehirn Schmerz erzeugt.

### Was die Hirnscans zeigten

Zusätzlich wurden vor und nach der Behandlung Aufnahmen im funktionellen MRT (fMRI) gemacht. Damit lässt sich sichtbar machen, wie aktiv bestimmte Hirnregionen sind. Nach der PRT zeigte sich veränderte Aktivität in Regionen, die an der Schmerzverarbeitung beteiligt sind. Das ist ein Hinweis darauf, dass sich tatsächlich etwas in der Art verändert hat, wie das Gehirn Signale aus dem Rücken bewertet – und nicht nur darin, wie Menschen ihren Schmerz auf einem Fragebogen ankreuzen.

## Was Pain Reprocessing Therapy eigentlich ist

PRT wurde vom Psychotherapeuten Alan Gordon entwickelt. Die Grundidee: Bei vielen chronischen Schmerzen ist das Alarmsystem des Gehirns überempfindlich geworden. Es meldet Gefahr, obwohl keine mehr besteht. Ziel ist, dass das Gehirn die Signale aus dem Körper neu bewertet – als das, was sie sind: nicht gefährlich. Dazu gehören mehrere Bausteine.

### Schmerzwissen: verstehen, was passiert

Am Anfang steht Aufklärung. Wie entsteht Schmerz? Warum kann er bleiben, obwohl das Gewebe verheilt ist? Welche Hinweise sprechen im eigenen Fall dafür, dass der Schmerz vom Nervensystem aufrechterhalten wird? Viele Menschen erleben schon diesen Schritt als Erleichterung. Denn wer versteht, dass der Rücken nicht „kaputt“ ist, kann anders mit dem Schmerz umgehen.

### Somatic Tracking: den Schmerz mit neuen Augen ansehen

Das Herzstück der Methode ist das sogenannte Somatic Tracking. Dabei richtest du deine Aufmerksamkeit für eine kurze Zeit bewusst auf die Empfindung im Körper – aber nicht ängstlich oder angespannt, sondern neugierig, ruhig und mit einer gewissen Leichtigkeit. Wie fühlt es sich genau an? Ist es warm, ziehend, pochend? Bleibt es gleich oder verändert es sich? Dazu kommen innere Botschaften von Sicherheit, etwa: „Das ist unangenehm, aber nicht gefährlich.“

Der Gedanke dahinter: Wenn das Gehirn den Schmerz immer wieder in einem Zustand von Sicherheit erlebt statt in Alarmbereitschaft, kann es lernen, ihn anders einzuordnen.

### Sicherheit neu bewerten

Ein weiterer Baustein ist das, was im Englischen „Safety Reappraisal“ heißt: Situationen, Bewegungen oder Tätigkeiten, die du bisher mit Schmerz verbunden und deshalb gemieden hast, werden Schritt für Schritt neu bewertet. Statt „Bücken ist gefährlich für meinen Rücken“ entsteht mit der Zeit die Erfahrung: „Mein Körper ist stark, und diese Bewegung ist sicher.“ Dabei geht es nie darum, sich durch Schmerz zu quälen, sondern behutsam neue, sichere Erfahrungen zu sammeln.

### Mit Gefühlen arbeiten

Stress, Druck, Angst, unterdrückter Ärger oder alte Belastungen können das Alarmsystem zusätzlich befeuern. Deshalb gehört auch die Arbeit mit Gefühlen dazu: wahrnehmen, was dich belastet, Gefühle zulassen statt wegdrücken, und freundlicher mit dir selbst umgehen. Hier gibt es Überschneidungen mit verwandten Ansätzen wie der Emotional Awareness and Expression Therapy (EAET).

## Die ehrlichen Grenzen

So ermutigend die Ergebnisse sind – es gehört zur Fairness, auch die Grenzen klar zu benennen:

- **Es ist eine einzelne Studie.** Eine Studie allein ist noch kein endgültiger Beweis. Damit man sich wirklich sicher sein kann, müssen Ergebnisse von anderen Forschungsgruppen an anderen Orten bestätigt werden.
- **Es war eine bestimmte Gruppe von Menschen.** Die Teilnehmenden kamen aus einer Region in den USA, erfüllten bestimmte Aufnahmekriterien und waren bereit, sich auf einen solchen Ansatz einzulassen. Ob sich die Ergebnisse eins zu eins auf andere Menschen übertragen lassen, ist offen.
- **Verglichen wurde mit Placebo und üblicher Versorgung.** Einen direkten Vergleich mit anderen aktiven Ansätzen, etwa gezielter Bewegungstherapie oder Verhaltenstherapie, gab es in dieser Studie nicht.
- **Es hilft nicht allen.** Auch in der PRT-Gruppe war rund ein Drittel der Menschen nach der Behandlung nicht schmerzfrei oder fast schmerzfrei. Manche profitieren deutlich, andere weniger.
- **Es passt nicht bei jedem Schmerz.** PRT richtet sich an Schmerzen, die vom Nervensystem aufrechterhalten werden. Wo eine körperliche Ursache dahintersteckt, braucht es eine medizinische Behandlung.

Deshalb wäre es unseriös, jemandem Schmerzfreiheit zu versprechen. Was man ehrlich sagen kann: Die Studie ist ein starkes Signal, dass sich dieser Weg für viele Menschen mit chronischen Rückenschmerzen lohnen kann.

## Was du daraus mitnehmen kannst

Wenn du dich in der Beschreibung wiederfindest – lange Schmerzen, keine klare Ursache, viel ausprobiert –, dann kann die Boulder-Studie vor allem eines sein: ein Grund für begründete Hoffnung. Sie zeigt, dass selbst Schmerz, der seit vielen Jahren besteht, sich verändern kann, wenn das Gehirn lernt, ihn neu einzuordnen.

Ein guter nächster Schritt kann sein, mehr über die Methode zu lesen, zum Beispiel in Alan Gordons Buch „The Way Out“ (deutsch: „Wege aus dem Schmerz“). Oder du schaust dir an, welche typischen Anzeichen darauf hindeuten, dass ein Schmerz neuroplastisch sein könnte. Das Coaching auf dieser Seite orientiert sich an den Bausteinen der PRT und begleitet dich dabei über mehrere Wochen.

Bitte denk daran: Coaching ersetzt keine ärztliche Diagnose und keine medizinische Behandlung. Bevor du mit PRT-orientiertem Coaching beginnst, sollten körperliche Ursachen deiner Rückenschmerzen von einer Ärztin oder einem Arzt abgeklärt und ausgeschlossen sein.
`,
};

const thirteenSigns: SeedArticle = {
  slug: "die-13-anzeichen-koennte-dein-schmerz-neuroplastisch-sein",
  title: "Die 13 Anzeichen: Könnte dein Schmerz neuroplastisch sein?",
  excerpt:
    "Bestimmte Muster sprechen dafür, dass ein Schmerz vom Nervensystem aufrechterhalten wird. Hier sind 13 Anzeichen – und die Warnzeichen, bei denen zuerst ein Arzt gefragt ist.",
  tags: ["selbsttest", "schmerzwissen", "stress"],
  sources: [
    "Alan Gordon, Alon Ziv (2021): The Way Out. Avery. Deutsche Ausgabe: „Wege aus dem Schmerz“.",
    "Howard Schubiner: Unlearn Your Pain.",
  ],
  publishedDaysAgo: 7,
  body: `Vielleicht hast du schon einmal gelesen, dass chronischer Schmerz manchmal vom Nervensystem „gelernt“ wird – und dich gefragt, ob das auch auf dich zutreffen könnte. Eine sichere Antwort darauf kann dir kein Artikel geben. Es gibt aber typische Muster, die bei neuroplastischem Schmerz immer wieder auftauchen. Wenn du sie kennst, kannst du deinen eigenen Schmerz mit etwas anderen Augen betrachten.

Im Folgenden findest du 13 solcher Anzeichen, jeweils mit einer kurzen Erklärung. Lies sie in Ruhe durch und beobachte einfach, was dir dabei auffällt.

## Bevor du loslegst: Was diese Liste kann – und was nicht

Neuroplastischer (oder noziplastischer) Schmerz ist Schmerz, der vor allem durch eine veränderte Verarbeitung im Nervensystem entsteht und nicht durch einen fortbestehenden Schaden im Gewebe. Der Schmerz ist dabei genauso echt wie jeder andere.

Die Anzeichen unten sind **Hinweise, keine Beweise**. Je mehr davon zutreffen, desto eher kann ein Schmerz neuroplastisch sein. Aber kein einzelner Punkt und auch keine bestimmte Anzahl ersetzt eine ärztliche Untersuchung. Die Liste soll dir helfen, Fragen zu stellen – nicht, dir eine Diagnose zu geben.

## Die 13 Anzeichen im Einzelnen

1. **Der Schmerz begann in einer belastenden Lebensphase.** Ein Jobwechsel, eine Trennung, Sorgen um Angehörige, viel Druck: Wenn der Schmerz in so einer Zeit zum ersten Mal auftrat, kann das ein Hinweis sein, dass dein Alarmsystem damals ohnehin auf Hochtouren lief.
2. **Die Stärke schwankt.** Mal ist der Schmerz kräftig, mal kaum spürbar – ohne dass sich körperlich etwas verändert hätte. Ein Gewebeschaden verhält sich meist gleichmäßiger.
3. **Er begann ohne Verletzung.** Kein Sturz, kein Unfall, kein Verheben: Der Schmerz war eines Tages einfach da.
4. **Er begann mit einer Verletzung, hält aber länger an als die übliche Heilungszeit.** Akute Gewebeverletzungen heilen meist innerhalb von 6 bis 12 Wochen. Bleibt der Schmerz Monate oder Jahre, kann es sein, dass der Alarm geblieben ist, obwohl die Verletzung verheilt ist.
5. **Es tut an mehreren Stellen weh oder es gibt weitere Beschwerden.** Zum Beispiel Nacken- und Rückenschmerzen gleichzeitig, dazu anhaltende Erschöpfung oder Verdauungsprobleme – Beschwerden, bei denen auch seelische Belastung mitspielen kann.
6. **Der Schmerz wandert oder breitet sich aus.** Heute links unten, nächste Woche zwischen den Schulterblättern, dann wieder woanders. Ein umschriebener Schaden an einer Stelle wandert nicht.
7. **Stress macht es schlimmer.** Vor einem schwierigen Gespräch, in hektischen Wochen oder bei Streit wird der Schmerz deutlich stärker.
8. **Bei etwas, das dir Freude macht, lässt er nach.** Beim Treffen mit guten Freunden, im Urlaub oder bei einem Hobby, in das du ganz eintauchst, tritt der Schmerz in den Hintergrund.
9. **Es gibt Auslöser, die nichts mit dem Körper zu tun haben.** Das Wetter, bestimmte Menschen, der Gedanke an die Arbeit, der Sonntagabend: Wenn solche Dinge den Schmerz anstoßen, spricht das dafür, dass das Gehirn eine Verbindung gelernt hat.
10. **Der Schmerz tritt auf beiden Körperseiten auf.** Eine einseitige Verletzung erklärt selten Schmerzen, die spiegelbildlich oder abwechselnd auf beiden Seiten auftreten.
11. **Es gibt keine klare Diagnose – oder viele, die sich widersprechen.** Du warst bei vielen Fachleuten, hast verschiedene Erklärungen gehört, doch keine hat zu einer echten Besserung geführt.
12. **Der Schmerz kommt verzögert.** Er zeigt sich nicht während einer Tätigkeit, sondern Stunden später oder erst am nächsten Tag. Manchmal spielt dabei die Erwartung „Das wird sich morgen rächen“ mit – und das Nervensystem richtet sich danach.
13. **Du erkennst dich in bestimmten Eigenschaften wieder.** Zum Beispiel: Du machst dir viele Sorgen, setzt dich selbst unter Druck, bist perfektionistisch, möchtest es allen recht machen oder bist insgesamt eher ängstlich. Das sind keine Schwächen – aber sie halten das innere Alarmsystem oft in Bereitschaft.

## Was es bedeutet, wenn vieles zutrifft

### Wenn du dich in vielen Punkten wiederfindest

Dann *kann* es gut sein, dass dein Schmerz zu einem großen Teil vom Nervensystem aufrechterhalten wird. Das ist keine Diagnose, aber ein Muster, das es sich lohnt, genauer anzuschauen. Für viele Menschen ist diese Möglichkeit erst einmal ungewohnt – und gleichzeitig erleichternd. Denn wenn der Schmerz nicht von einem „kaputten“ Rücken kommt, sondern von einem übervorsichtigen Alarmsystem, gibt es Wege, mit diesem Alarmsystem zu arbeiten.

> Neuroplastischer Schmerz heißt nicht „Das bildest du dir nur ein“. Es heißt: Dein Nervensystem schützt dich gerade mehr, als nötig wäre.

Ein hilfreicher nächster Schritt kann ein Schmerztagebuch sein. Notiere über einige Wochen, wie stark der Schmerz ist, wie gestresst du bist und was an dem Tag passiert ist. Oft zeigt sich mit der Zeit, ob der Schmerz eher mit Stress und Gefühlen schwankt als mit körperlicher Belastung.

### Wenn nur wenige Punkte passen

Auch das ist eine wertvolle Information. Vielleicht spielen bei dir andere Faktoren die größere Rolle, vielleicht zeigt sich das Muster auch erst, wenn du genauer hinschaust. In jedem Fall gilt: Sprich mit deiner Ärztin oder deinem Arzt über deine Beschwerden, und lass dich nicht von einer Checkliste allein leiten.

## Warnzeichen: Hier gehört zuerst eine ärztliche Abklärung dazu

Bevor du dich mit neuroplastischem Schmerz beschäftigst, ist eines ganz wichtig: Körperliche Ursachen müssen ärztlich ausgeschlossen sein. Es gibt einige Warnzeichen, die in Leitlinien zu Rückenschmerzen weithin verwendet werden. Wenn eines davon auf dich zutrifft, gehört die Abklärung in ärztliche Hände – **bevor** du mit Coaching beginnst:

- Fieber zusammen mit Rückenschmerzen
- ungewollter Gewichtsverlust ohne erkennbaren Grund
- eine Krebserkrankung in der Vorgeschichte
- ein kürzlich erlittener schwerer Unfall oder Sturz
- Taubheitsgefühl im Bereich von Gesäß, Damm und Innenseite der Oberschenkel (dem sogenannten Reithosenbereich)
- neu aufgetretene Probleme, Blase oder Darm zu kontrollieren oder zu entleeren
- Schwäche oder Taubheit in den Beinen, die zunimmt

Besonders Taubheit im Reithosenbereich und neue Blasen- oder Darmprobleme sollten sofort ärztlich angesehen werden – im Zweifel in der Notaufnahme oder über den Notruf 112. Das ist kein Grund zur Panik, aber ein Grund, nicht abzuwarten.

## Wie es weitergehen kann

Wenn du deinen eigenen Schmerz strukturiert einordnen möchtest, kannst du den [Selbsttest](/selbsttest) machen. Er fragt die 13 Anzeichen einzeln ab und zeigt dir, wie viele davon auf dich zutreffen. Auch hier gilt: Das Ergebnis ist eine Orientierung, keine Diagnose.

Wenn du danach sprechen möchtest, buch dir gern eine [kostenlose Erstberatung](/erstgespraech). Darin schauen wir gemeinsam auf deine Geschichte und klären, ob ein Coaching nach den Ideen der Pain Reprocessing Therapy für dich sinnvoll sein könnte. Die Erstberatung ist unverbindlich, ohne Verkaufsgespräch – und es ist völlig in Ordnung, wenn du danach sagst: „Das ist nichts für mich.“

Wer lieber erst einmal selbst liest, findet in zwei Büchern einen guten Einstieg: „The Way Out“ von Alan Gordon (deutsch: „Wege aus dem Schmerz“) und „Unlearn Your Pain“ von Howard Schubiner.

Zum Schluss ein wichtiger Hinweis: Coaching ersetzt keine ärztliche Diagnose und keine medizinische Behandlung. Körperliche Ursachen deiner Beschwerden sollten immer zuerst von einer Ärztin oder einem Arzt abgeklärt und ausgeschlossen werden.
`,
};

export const seedArticles: SeedArticle[] = [wherePainComesFrom, boulderStudy, thirteenSigns];
