"""Hand-written articles for the story-clustering pair set (tests/data/cluster_pairs.jsonl).

Every text here was written for these tests (fictional reports in wire style, no text
from ../shared). Each story has a base report, a hand-written rewrite in the manner of a
content farm (same facts, names, numbers and quotes; new wording, sometimes reordered or
cut), and an independent report of the same event by another outlet in its own words
(which must NOT be merged). build_cluster_pairs.py derives the mechanical copies.
"""

STORIES = [
    {
        "key": "geneva-grain",
        "published": "2025-02-03",
        "title": "Turkey and Norway propose Black Sea grain corridor talks in Geneva",
        "base": (
            "Turkey and Norway on Monday proposed a new round of talks in Geneva to reopen a grain corridor "
            "across the Black Sea, officials in Ankara said. The plan, drafted by Turkish Foreign Minister "
            "Hakan Fidan and his Norwegian counterpart Espen Barth Eide, would let cargo ships leave Odesa "
            "under the watch of a joint inspection centre in Istanbul. Fidan told reporters that both Kyiv "
            'and Moscow had received the draft on Sunday evening. "We are not asking anyone to love each '
            'other, we are asking them to let the ships sail," he said. The proposal foresees 14 inspectors '
            "from each side and a 90-day trial period. Ukrainian officials welcomed the initiative but said "
            "they would study the details before committing. The Kremlin did not comment on the proposal. "
            "A previous grain arrangement collapsed in July 2023 after Russia withdrew from it. Diplomats "
            "said the first meeting could take place as early as February 17."
        ),
        "rewrite": (
            "Officials in Ankara announced that Turkey and Norway put forward on Monday a fresh round of "
            "Geneva negotiations aimed at reopening a Black Sea grain corridor. Drawn up by Turkish Foreign "
            "Minister Hakan Fidan together with Norway's Espen Barth Eide, the scheme would allow cargo "
            "vessels to depart Odesa while a joint inspection centre in Istanbul monitors them. According "
            'to Fidan, the draft reached both Kyiv and Moscow on Sunday evening. "We are not asking anyone '
            'to love each other, we are asking them to let the ships sail," the minister stated. Under the '
            "proposal, each side would provide 14 inspectors, with a trial period lasting 90 days. The "
            "initiative was welcomed by Ukrainian officials, who nonetheless want to examine the details "
            "before any commitment. No comment came from the Kremlin. An earlier grain deal fell apart in "
            "July 2023 when Russia pulled out. The first session might be held as soon as February 17, "
            "diplomats indicated."
        ),
        "independent": (
            "Ukraine's foreign ministry said on Monday it was reviewing a Turkish-Norwegian paper on "
            "shipping through the Black Sea, a day after the document arrived in Kyiv. Spokesman Heorhiy "
            "Tykhyi said Ukraine would not accept any arrangement that lets Russian warships inspect "
            "Ukrainian cargo. Grain exporters in Odesa said insurance costs had doubled since the autumn "
            "and that any deal would have to bring them down to matter. Port operators reported that about "
            "40 ships were waiting in the outer roads. In Moscow, a deputy foreign minister said Russia had "
            'seen "ideas" from Ankara but was not bound by them. Analysts at a Kyiv think tank said the '
            "talks would test whether Turkey can still act as a mediator after three years of war. The "
            "European Commission said it supported any step that keeps food moving to Africa and Asia."
        ),
    },
    {
        "key": "helsinki-prisoners",
        "published": "2025-03-11",
        "title": "Russia and Ukraine swap 210 prisoners after Emirati mediation",
        "base": (
            "Russia and Ukraine exchanged 210 prisoners of war on Tuesday in a swap brokered by the United "
            "Arab Emirates, both sides said. Ukrainian President Volodymyr Zelensky wrote on social media "
            "that 105 Ukrainian soldiers were home, including defenders of Mariupol held since 2022. The "
            "Russian defence ministry said 105 Russian servicemen had been flown to Moscow for medical "
            "checks. The exchange took place on the border with Belarus, according to Ukraine's "
            "coordination headquarters for prisoners. It was the 62nd exchange since the full-scale "
            "invasion began. An Emirati foreign ministry statement thanked both governments for their "
            '"constructive cooperation" and said mediation would continue. Families of missing soldiers '
            "gathered outside the headquarters in Kyiv, holding photographs of relatives. Officials said "
            "more than 8,000 Ukrainians are believed to remain in Russian captivity."
        ),
        "rewrite": (
            "A prisoner swap mediated by the United Arab Emirates saw Russia and Ukraine trade 210 prisoners "
            "of war on Tuesday, according to both parties. On social media, Ukrainian President Volodymyr "
            "Zelensky said 105 Ukrainian troops had returned home, among them Mariupol defenders captured "
            "in 2022. Moscow's defence ministry reported that 105 Russian soldiers were transported to "
            "Moscow to undergo medical examinations. Ukraine's coordination headquarters for prisoners said "
            "the handover happened at the Belarus border. Since the start of the full-scale invasion, this "
            "marks the 62nd such exchange. The Emirati foreign ministry praised the two governments for "
            'their "constructive cooperation" in a statement, adding that its mediation would go on. '
            "Relatives of missing troops assembled in front of the Kyiv headquarters with pictures of their "
            "loved ones. Over 8,000 Ukrainians are thought to still be held in Russian captivity, officials "
            "noted."
        ),
        "independent": (
            "Buses carrying freed Ukrainian soldiers crossed into the Chernihiv region late on Tuesday, "
            "where crowds waved flags along the road. Many of the men were thin and some walked with "
            "difficulty, a correspondent at the scene saw. One former marine, 24, said he had been moved "
            "between four prisons and had not spoken to his mother for two years. Ukraine's ombudsman "
            "Dmytro Lubinets said the returnees would receive medical and psychological care in a hospital "
            "near Kyiv. He accused Russia of breaking the Geneva Conventions in its treatment of captives. "
            "Kyiv said the swap involved 105 prisoners on each side and credited the United Arab Emirates. "
            "Russian state television showed its own soldiers arriving at an airfield outside Moscow. "
            "Human rights groups have documented torture in several Russian detention centres."
        ),
    },
    {
        "key": "vatican-envoy",
        "published": "2025-04-08",
        "title": "Vatican envoy Zuppi meets Lavrov in Moscow on children's return",
        "base": (
            "Cardinal Matteo Zuppi, the Pope's peace envoy, met Russian Foreign Minister Sergei Lavrov in "
            "Moscow on Tuesday to discuss the return of Ukrainian children taken to Russia, the Vatican said. "
            "The two-hour meeting was Zuppi's third visit to the Russian capital since 2023. According to "
            "the Holy See, the cardinal handed over a list of 340 children whose families are searching for "
            'them. Lavrov said Russia was ready to examine "every individual case" but denied that any '
            "children had been deported. Zuppi told Italian television that progress was slow but real. "
            '"Each child who goes home is a small peace," he said. The cardinal is expected to travel to '
            "Washington next month. Kyiv says nearly 20,000 children have been taken to Russia or occupied "
            "areas since February 2022. The International Criminal Court issued an arrest warrant over the "
            "deportations in March 2023."
        ),
        "rewrite": (
            "The Vatican said that Cardinal Matteo Zuppi, peace envoy of the Pope, held talks on Tuesday in "
            "Moscow with Russian Foreign Minister Sergei Lavrov about bringing back Ukrainian children moved "
            "to Russia. It was Zuppi's third trip to the Russian capital since 2023, and the meeting lasted "
            "two hours. The Holy See said the cardinal gave Lavrov a list of 340 children being sought by "
            'their families. While saying Russia would look at "every individual case", Lavrov rejected '
            "claims that children had been deported. Speaking to Italian television, Zuppi described the "
            'progress as slow but genuine. "Each child who goes home is a small peace," the envoy '
            "remarked. Next month the cardinal is due to visit Washington. According to Kyiv, close to "
            "20,000 children have been removed to Russia or occupied territory since February 2022."
        ),
        "independent": (
            "Ukraine's human rights commissioner said on Tuesday that 12 more children had returned from "
            "Russian-controlled territory with help from Qatar, bringing this year's total to 96. The "
            "children, aged between four and 16, crossed through Belarus and were met by relatives in "
            "Volyn. Mothers described months of negotiations through intermediaries and messages sent over "
            "social media. Separately, the Vatican confirmed that Cardinal Matteo Zuppi was in Moscow, but "
            "gave no details of his schedule. A Qatari diplomat said Doha had handled 41 cases since the "
            "start of its mediation and was preparing another group. Aid workers warned that many children "
            "had been given Russian passports and placed with foster families, making them harder to trace. "
            "The Ukrainian government runs a website where parents can report missing children."
        ),
    },
    {
        "key": "nato-summit-finland",
        "published": "2025-06-24",
        "title": "Finnish president says NATO must plan for a long confrontation",
        "base": (
            "Finnish President Alexander Stubb said on Tuesday that NATO must prepare for a confrontation "
            'with Russia lasting "at least a decade", speaking on the eve of the alliance\'s summit in The '
            "Hague. Stubb told a security conference that Finland would raise defence spending to 3 percent "
            "of GDP by 2029. He said the alliance should not discuss any settlement in Ukraine that rewards "
            'aggression. "A ceasefire that freezes the lines and rearms Russia is not peace, it is an '
            'intermission," Stubb said. Finland joined NATO in April 2023 after decades of military '
            "non-alignment. Its 1,340-kilometre border with Russia is now the alliance's longest. Stubb "
            "also called for a permanent NATO presence in Lapland and for more air defence in the Baltic "
            "region. The summit is expected to approve new capability targets for all 32 members."
        ),
        "rewrite": (
            "Speaking a day before the NATO summit in The Hague, Finnish President Alexander Stubb warned "
            "on Tuesday that the alliance has to get ready for a standoff with Russia that could last "
            '"at least a decade". Finland will lift its military budget to 3 percent of GDP by 2029, Stubb '
            "told a security conference. According to him, NATO should reject talk of any Ukraine "
            'settlement that rewards aggression. "A ceasefire that freezes the lines and rearms Russia is '
            'not peace, it is an intermission," the Finnish leader declared. Having spent decades outside '
            "military alliances, Finland became a NATO member in April 2023, and its 1,340-kilometre "
            "frontier with Russia is the longest in the bloc. Stubb further urged a permanent NATO "
            "deployment in Lapland and stronger air defences around the Baltic."
        ),
        "independent": (
            "Leaders of NATO's 32 members gathered in The Hague on Wednesday for a summit dominated by "
            "spending. Dutch Prime Minister Dick Schoof, the host, opened the meeting by calling for unity. "
            "Several eastern members, including Poland and Estonia, pressed for a target of 5 percent of "
            "GDP for defence and related investment. Spain said it would not commit to the figure. Finnish "
            'President Alexander Stubb, arriving at the venue, told reporters the alliance was "in for the '
            'long haul". Ukrainian President Volodymyr Zelensky attended a dinner on the sidelines but was '
            "not invited to the main session. Secretary-General Mark Rutte said the final declaration would "
            "be short and focused on capabilities. Protesters gathered near the congress centre."
        ),
    },
    {
        "key": "istanbul-memorandum",
        "published": "2025-05-16",
        "title": "Delegations in Istanbul agree to exchange ceasefire memoranda",
        "base": (
            "Russian and Ukrainian delegations meeting in Istanbul on Friday agreed to exchange written "
            "proposals for a ceasefire, Turkish officials said, in their first direct talks in three years. "
            "The meeting at the Dolmabahce palace lasted less than two hours. Ukraine's delegation was led "
            "by Defence Minister Rustem Umerov, Russia's by presidential aide Vladimir Medinsky. Umerov said "
            "Kyiv had proposed an unconditional 30-day ceasefire and a meeting between the two presidents. "
            'Medinsky said Moscow was "satisfied" with the outcome and ready to continue contacts. Both '
            "sides also agreed to a prisoner exchange of 1,000 for 1,000, the largest of the war. Turkish "
            "Foreign Minister Hakan Fidan, who chaired the session, said the parties would meet again once "
            "the memoranda were ready. Ukrainian officials said Russia had raised demands on territory that "
            "Kyiv considers unacceptable."
        ),
        "rewrite": (
            "In their first face-to-face negotiations in three years, delegations from Russia and Ukraine "
            "agreed in Istanbul on Friday to swap written ceasefire proposals, according to Turkish "
            "officials. The session, held at the Dolmabahce palace, took under two hours. Defence Minister "
            "Rustem Umerov headed Ukraine's team, while presidential aide Vladimir Medinsky led Russia's. "
            "Kyiv put forward an unconditional 30-day truce as well as a meeting of the two presidents, "
            'Umerov said. Moscow was "satisfied" with the result and prepared to keep up contacts, '
            "according to Medinsky. The two sides additionally settled on a 1,000-for-1,000 prisoner swap, "
            "the biggest of the war. Turkish Foreign Minister Hakan Fidan, who presided over the meeting, "
            "said another round would follow once the memoranda are drafted."
        ),
        "independent": (
            "Outside the Dolmabahce palace on Friday, journalists waited for hours as the first direct "
            "Russia-Ukraine talks since 2022 began late. Ukrainian President Volodymyr Zelensky, who had "
            "flown to Ankara a day earlier, said Vladimir Putin's decision to send a low-level team showed "
            "he was not serious. In Tirana, European leaders threatened new sanctions if Moscow did not "
            "accept a ceasefire. U.S. Secretary of State Marco Rubio, also in Turkey, said he did not "
            "expect a breakthrough until the two presidents met. After the session, Ukrainian sources told "
            "reporters the Russian side had demanded a withdrawal from four regions. The Kremlin said it "
            "would publish its assessment later. Markets in Moscow rose slightly on hopes of progress."
        ),
    },
    {
        "key": "energy-moratorium",
        "published": "2025-03-20",
        "title": "Ukraine accuses Russia of breaking energy strike moratorium",
        "base": (
            "Ukraine accused Russia on Thursday of violating a moratorium on strikes against energy "
            "infrastructure less than a day after it was agreed. Energy Minister Herman Halushchenko said "
            "drones had hit a substation in the Dnipropetrovsk region overnight, cutting power to 4,000 "
            'homes. "The ink was not dry before the drones came," Halushchenko said in a televised '
            "statement. The Russian defence ministry denied the accusation and said Ukraine had attacked an "
            "oil pumping station in the Kursk region. The moratorium was announced after a phone call "
            "between the U.S. and Russian presidents on Tuesday and was meant to last 30 days. Washington "
            "has said it will monitor compliance with both sides. Ukrainian engineers restored part of the "
            "supply by the afternoon. Independent verification of either claim was not possible."
        ),
        "rewrite": (
            "Less than one day after a moratorium on attacks on energy facilities was agreed, Ukraine on "
            "Thursday charged Russia with violating it. Drones struck a substation in the Dnipropetrovsk "
            "region during the night and left 4,000 homes without electricity, according to Energy Minister "
            'Herman Halushchenko. "The ink was not dry before the drones came," he said on television. '
            "Russia's defence ministry rejected the claim, saying instead that Ukraine had targeted an oil "
            "pumping station in the Kursk region. The 30-day moratorium followed Tuesday's telephone "
            "conversation between the American and Russian presidents. Compliance by both parties will be "
            "monitored by Washington, U.S. officials have said. By afternoon, Ukrainian engineers had brought "
            "back part of the power supply."
        ),
        "independent": (
            "Residents of Kryvyi Rih spent Thursday night without heating after an overnight attack, local "
            "officials said, as both Kyiv and Moscow traded accusations over a new pause in energy strikes. "
            "Regional governor Serhiy Lysak said two people were injured by debris. In Moscow, Kremlin "
            "spokesman Dmitry Peskov said Russian forces had shot down Ukrainian drones heading for a fuel "
            'depot and called Kyiv\'s statements "provocations". The White House said it was aware of the '
            "reports and still believed the pause could hold. Energy analysts said Ukraine had lost about "
            "half its generating capacity since 2022. The state grid operator warned of scheduled outages "
            "in five regions. European officials called for international monitors."
        ),
    },
    {
        "key": "china-envoy",
        "published": "2025-01-22",
        "title": "Chinese envoy Li Hui tours European capitals with peace proposal",
        "base": (
            "China's special envoy for Eurasian affairs, Li Hui, began a tour of four European capitals on "
            "Wednesday to promote Beijing's proposals for ending the war in Ukraine, the Chinese foreign "
            "ministry said. Li will visit Berlin, Paris, Warsaw and Brussels over six days. A ministry "
            'spokesman said China supported "all efforts conducive to peace" and opposed adding fuel to the '
            "fire. The tour follows a 12-point position paper Beijing published in February 2023, which "
            "called for a ceasefire but did not ask Russia to withdraw its troops. European diplomats said "
            "they would press Li on Chinese exports of components used in Russian drones. Li previously "
            "visited Kyiv and Moscow in 2023. China has refused to condemn the invasion and has expanded "
            "trade with Russia."
        ),
        "rewrite": (
            "Li Hui, China's special envoy for Eurasian affairs, set off on Wednesday on a tour of four "
            "European capitals to push Beijing's ideas for ending the Ukraine war, according to the Chinese "
            "foreign ministry. Over six days he will stop in Berlin, Paris, Warsaw and Brussels. China "
            'backs "all efforts conducive to peace" and is against adding fuel to the fire, a ministry '
            "spokesman stated. The trip comes after Beijing's 12-point position paper from February 2023, "
            "which urged a ceasefire without demanding that Russia pull out its forces. European diplomats "
            "said they plan to question Li about Chinese shipments of parts that end up in Russian drones. "
            "Li already travelled to Kyiv and Moscow in 2023."
        ),
        "independent": (
            "German officials said on Wednesday that Chancellor Olaf Scholz's foreign policy adviser would "
            "receive a Chinese delegation in Berlin this week, but played down expectations. A government "
            "spokesman said Germany wanted China to use its influence on Moscow and stop the flow of "
            "dual-use goods. Trade between China and Russia reached a record 240 billion dollars last year, "
            "customs data show. Polish Foreign Minister Radoslaw Sikorski said Warsaw would listen but that "
            "any plan must start with Russian withdrawal. In Beijing, state media described envoy Li Hui's "
            "trip as a mission for peace. A think tank in Brussels said China wanted to show it was a "
            "neutral actor ahead of talks with the European Union on tariffs."
        ),
    },
    {
        "key": "moldova-transnistria",
        "published": "2025-02-27",
        "title": "Moldova offers Transnistria gas deal in exchange for troop talks",
        "base": (
            "Moldova's government offered on Thursday to supply gas to the breakaway region of Transnistria "
            "if its leaders agreed to talks on the withdrawal of about 1,500 Russian troops stationed there, "
            "Prime Minister Dorin Recean said. Transnistria has faced power cuts since January, when Russian "
            "gas deliveries through Ukraine stopped. Recean said the European Union would fund the first "
            'two months of supply. "We are offering heat and light, not conditions written in Moscow," he '
            "told a news conference in Chisinau. The separatist leader Vadim Krasnoselsky called the offer "
            "blackmail and said the troops were peacekeepers. Russia's foreign ministry said Moldova was "
            "using the energy crisis to pressure the region. The region of about 350,000 people broke away "
            "after a war in 1992."
        ),
        "rewrite": (
            "Prime Minister Dorin Recean announced on Thursday that Moldova is ready to deliver gas to the "
            "breakaway Transnistria region, provided its leadership enters talks on pulling out roughly 1,500 "
            "Russian soldiers based there. Since January, when Russian gas stopped flowing via Ukraine, "
            "Transnistria has suffered blackouts. The first two months of deliveries would be paid for by "
            'the European Union, Recean explained. "We are offering heat and light, not conditions written '
            'in Moscow," the prime minister told journalists in Chisinau. Separatist leader Vadim '
            "Krasnoselsky dismissed the offer as blackmail, insisting the troops are peacekeepers. Moscow's "
            "foreign ministry accused Moldova of exploiting the energy crisis to put pressure on the region."
        ),
        "independent": (
            "In Tiraspol, queues formed outside bakeries on Thursday as rolling blackouts entered their "
            "second month, residents said. Factories in the breakaway region have laid off thousands of "
            "workers, and schools have moved to shorter days. A pensioner said she had not had hot water "
            "since New Year. Local authorities blamed Chisinau and Kyiv for the crisis, while Moldova's "
            "energy ministry said it had offered help several times. Hungary's MOL said it had been "
            "approached about emergency supplies. Moldovan President Maia Sandu said the situation showed "
            "that Russia abandons those who depend on it. The European Union has sent generators to both "
            "banks of the Dniester."
        ),
    },
    {
        "key": "kellogg-berlin",
        "published": "2025-02-14",
        "title": "U.S. envoy Kellogg says Europe will not sit at negotiating table",
        "base": (
            "U.S. special envoy Keith Kellogg said on Friday that European governments would not have a seat "
            "at the table when Washington and Moscow discuss ending the war in Ukraine. Speaking at the "
            "Munich Security Conference, Kellogg said Europe's views would be heard through Kyiv and through "
            'consultations, but that the talks must be "fast and small". His remarks drew sharp criticism '
            "from several European ministers. Lithuanian Foreign Minister Kestutis Budrys said a deal made "
            "over the heads of Europeans would not last. Kellogg said the administration aimed for a "
            "settlement within 100 days. He also said security guarantees for Ukraine would be a European "
            "responsibility. French President Emmanuel Macron called an emergency meeting of European "
            "leaders in Paris for Monday."
        ),
        "rewrite": (
            "European governments will not be seated at the table when Washington and Moscow negotiate an "
            "end to the Ukraine war, U.S. special envoy Keith Kellogg said on Friday. Addressing the Munich "
            "Security Conference, Kellogg explained that Europe would be heard via Kyiv and in "
            'consultations, but insisted the negotiations had to be "fast and small". Several European '
            "ministers responded with sharp criticism. A deal struck over the heads of Europeans would not "
            "endure, warned Lithuanian Foreign Minister Kestutis Budrys. The goal of the administration is "
            "a settlement within 100 days, Kellogg added, noting that security guarantees for Ukraine would "
            "fall to the Europeans. French President Emmanuel Macron has summoned European leaders to an "
            "emergency meeting in Paris on Monday."
        ),
        "independent": (
            "The Munich Security Conference opened on Friday under the shadow of a speech by U.S. Vice "
            "President JD Vance, who accused European governments of suppressing free speech. Delegates "
            "said the address stunned the hall, where many had expected a discussion of Ukraine. German "
            "Defence Minister Boris Pistorius called the remarks unacceptable. Ukrainian President "
            "Volodymyr Zelensky, who met Vance on the sidelines, said Ukraine needed security guarantees "
            "before any ceasefire. Conference chairman Christoph Heusgen was seen wiping tears during his "
            "closing words. The U.S. envoy Keith Kellogg met European national security advisers behind "
            "closed doors. Several delegations said they left more worried than they arrived."
        ),
    },
    {
        "key": "armenia-border",
        "published": "2024-11-05",
        "title": "Armenia and Azerbaijan agree to resume border commission talks",
        "base": (
            "Armenia and Azerbaijan agreed on Tuesday to resume the work of their joint border commission "
            "after a pause of eight months, the two foreign ministries said in a joint statement. The "
            "commission, chaired by Armenian Deputy Prime Minister Mher Grigoryan and Azerbaijani Deputy "
            "Prime Minister Shahin Mustafayev, will meet in Yerevan in December. The statement said the "
            "sides had agreed on 12 more kilometres of the border in the Tavush region. Armenian Prime "
            'Minister Nikol Pashinyan told parliament that a peace treaty was "closer than ever" but that '
            "two articles remained open. Baku insists that Armenia change its constitution before any "
            "treaty is signed. The two countries fought wars in 1994 and 2020, and Azerbaijan took full "
            "control of Karabakh in September 2023."
        ),
        "rewrite": (
            "After eight months on hold, the joint border commission of Armenia and Azerbaijan will get back "
            "to work, the two countries' foreign ministries said on Tuesday in a joint statement. Armenian "
            "Deputy Prime Minister Mher Grigoryan and his Azerbaijani counterpart Shahin Mustafayev, who "
            "chair the body, are to meet in Yerevan in December. According to the statement, the sides have "
            'settled another 12 kilometres of the frontier in Tavush. A peace treaty is "closer than ever", '
            "Armenian Prime Minister Nikol Pashinyan told lawmakers, though two articles are still open. "
            "Azerbaijan demands that Armenia amend its constitution before signing a treaty."
        ),
        "independent": (
            "Villagers in Armenia's Tavush region said on Tuesday they feared losing access to orchards and "
            "roads as border demarcation with Azerbaijan moves forward. A farmer in Kirants said new posts "
            "had appeared within 200 metres of his house. Opposition groups, led by Archbishop Bagrat "
            "Galstanyan, have protested against the process in Yerevan. Azerbaijani President Ilham Aliyev "
            "said in Baku that the peace process depended on Armenia dropping territorial claims. The "
            "European Union mission in Armenia said its monitors had recorded no shooting along the border "
            "this month. Russia's foreign ministry offered to host the next round of talks, an offer "
            "Yerevan did not answer."
        ),
    },
]

# Distinct reports on different events, to check that unrelated articles stay apart.
UNRELATED = [
    (
        "2025-03-02",
        "Estonia opens new air defence training range",
        "Estonia opened a new air defence training range near Voru on Sunday, the defence ministry said, as "
        "the Baltic state expands its armed forces. The range will host exercises with allied units from "
        "Britain, France and the United States several times a year. Defence Minister Hanno Pevkur said the "
        "investment of 45 million euros would allow soldiers to train with live missiles for the first time "
        "on Estonian soil. Local residents raised concerns about noise, and the ministry promised to limit "
        "firing to daytime hours. Estonia plans to spend more than 3 percent of its GDP on defence this year.",
    ),
    (
        "2025-05-20",
        "Georgian opposition calls for new elections after disputed vote",
        "Georgia's main opposition parties called on Tuesday for a repeat of last autumn's parliamentary "
        "election, saying new evidence showed widespread vote buying in rural districts. Leaders of four "
        "parties presented documents at a news conference in Tbilisi and said they would boycott parliament "
        "until a new vote was scheduled. The ruling Georgian Dream party dismissed the claims as recycled "
        "allegations. Thousands of people have protested on Rustaveli Avenue every evening for months. "
        "The European Union has suspended visa-free travel talks and frozen some funding over the crackdown.",
    ),
]

# Harder rewrites, keyed by story: a retelling that credits the original, a rewrite with
# its paragraphs reordered, and a content-farm rewrite padded with filler.
EXTRA_REWRITES = {
    "geneva-grain": (
        "retelling",
        "Turkey and Norway want Russia and Ukraine back at the table in Geneva to talk about grain, Continental "
        "Wire reported on Monday, citing officials in Ankara. According to the agency, the draft prepared by "
        "Hakan Fidan and Espen Barth Eide would see cargo ships leave Odesa under the eye of a joint inspection "
        "centre in Istanbul. The report said the plan provides for 14 inspectors per side and a trial of 90 "
        'days. Fidan was quoted as saying: "We are not asking anyone to love each other, we are asking them to '
        'let the ships sail." The first meeting could come on February 17, diplomats told the agency.',
    ),
    "istanbul-memorandum": (
        "reordered",
        "Russia and Ukraine have agreed to the biggest prisoner swap of the war, 1,000 for 1,000, after talks in "
        "Istanbul on Friday, Turkish officials said. Their delegations also agreed to trade written ceasefire "
        "proposals in their first direct meeting in three years. Vladimir Medinsky, the presidential aide who "
        'led Russia\'s team, called Moscow "satisfied" and ready for further contacts. On the Ukrainian side, '
        "Defence Minister Rustem Umerov said Kyiv had offered an unconditional 30-day ceasefire and a summit of "
        "the two presidents. The talks, chaired by Turkish Foreign Minister Hakan Fidan at the Dolmabahce "
        "palace, were over in under two hours. The parties will meet again when the memoranda are ready, Fidan "
        "said.",
    ),
    "energy-moratorium": (
        "padded",
        "Did the energy truce collapse before it even began? Here is what we know. Kyiv said on Thursday that "
        "Russia broke the moratorium on striking energy infrastructure within a day of agreeing to it. "
        "According to Energy Minister Herman Halushchenko, a drone attack overnight on a substation in the "
        'Dnipropetrovsk region cut electricity to 4,000 homes. "The ink was not dry before the drones came," '
        "Halushchenko said in a statement on television. It is a story that will sound familiar to many. "
        "Moscow's defence ministry denied it and claimed Ukraine hit an oil pumping station in the Kursk region. "
        "The 30-day moratorium came out of Tuesday's call between the U.S. and Russian presidents. Stay with us "
        "for more updates as this story develops.",
    ),
}
