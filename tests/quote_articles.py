"""Articles written for the quotes tests, French and English, each with its quotations as a
reader marks them: the quoted words exactly (without quotation marks), the speaker's actor id
(None when the text does not name one) and the kind. None of these texts comes from elsewhere.
"""

from __future__ import annotations

from typing import NamedTuple


class Expected(NamedTuple):
    text: str
    speaker: str | None
    kind: str = "direct"


class Article(NamedTuple):
    doc_id: str
    lang: str
    text: str
    quotes: list[Expected]


ARTICLES = [
    Article(
        "fr_astana",
        "fr",
        "Le ministre kazakh des Affaires étrangères Mukhtar Tileuberdi a reçu mardi à Astana son "
        "homologue ouzbek Bakhtiyor Saidov. « Nous partageons les mêmes priorités dans la "
        "région », a déclaré M. Tileuberdi à l’issue de l’entretien. « Le commerce entre nos "
        "deux pays a doublé en cinq ans. Nous voulons aller plus loin », a-t-il ajouté.\n\n"
        "Bakhtiyor Saidov a souligné que l’Ouzbékistan soutenait le projet de corridor "
        "transcaspien. Selon lui, les deux capitales doivent « accélérer la construction des "
        "routes ».\n\n"
        "Le ministre ouzbek Bakhtiyor Saidov a également déclaré : « La sécurité de l’eau est "
        "notre défi commun. »",
        [
            Expected("Nous partageons les mêmes priorités dans la région", "mukhtar_tileuberdi"),
            Expected(
                "Le commerce entre nos deux pays a doublé en cinq ans. "
                "Nous voulons aller plus loin",
                "mukhtar_tileuberdi",
            ),
            Expected(
                "l’Ouzbékistan soutenait le projet de corridor transcaspien",
                "bakhtiyor_saidov",
                "indirect",
            ),
            Expected("accélérer la construction des routes", "bakhtiyor_saidov"),
            Expected("La sécurité de l’eau est notre défi commun.", "bakhtiyor_saidov"),
        ],
    ),
    Article(
        "fr_blinken",
        "fr",
        "Antony Blinken s’est entretenu jeudi avec le président Kassym-Jomart Tokaïev. "
        "«\u00a0Le Kazakhstan restera un partenaire fiable\u00a0», a assuré Kassym-Jomart "
        "Tokaïev. Antony Blinken a répondu que les États-Unis étaient prêts à investir davantage "
        "dans la région. «\u202fNous ne sommes pas venus parler seulement de sécurité. Nous "
        "sommes venus parler de commerce, d’énergie et d’éducation\u202f», a-t-il précisé.\n\n"
        "D’après Roman Vassilenko, les deux pays signeront un accord sur les minerais critiques "
        "avant la fin de l’année. Le vice-ministre a ajouté que la date restait à fixer.",
        [
            Expected("Le Kazakhstan restera un partenaire fiable", "kassym_jomart_tokayev"),
            Expected(
                "les États-Unis étaient prêts à investir davantage dans la région",
                "antony_blinken",
                "indirect",
            ),
            Expected(
                "Nous ne sommes pas venus parler seulement de sécurité. Nous sommes venus parler "
                "de commerce, d’énergie et d’éducation",
                "antony_blinken",
            ),
            Expected(
                "les deux pays signeront un accord sur les minerais critiques avant la fin de "
                "l’année",
                "roman_vassilenko",
                "indirect",
            ),
            # "Le vice-ministre": the one just named, Roman Vassilenko.
            Expected("la date restait à fixer", "roman_vassilenko", "indirect"),
        ],
    ),
    Article(
        "fr_douchanbe",
        "fr",
        "Le président tadjik Emomali Rahmon a accueilli lundi à Douchanbé une conférence sur "
        "l’eau. « Les glaciers du Pamir fondent plus vite que prévu », a-t-il averti devant les "
        "délégations. Selon Emomali Rahmon, « aucun pays ne pourra relever seul ce défi ».\n\n"
        "Le secrétaire général de l’ONU, António Guterres, a salué l’initiative. Il a estimé "
        "que la conférence était « un tournant pour l’Asie centrale ». « Le monde regarde "
        "Douchanbé », a dit M. Guterres.",
        [
            Expected("Les glaciers du Pamir fondent plus vite que prévu", "emomali_rahmon"),
            Expected("aucun pays ne pourra relever seul ce défi", "emomali_rahmon"),
            Expected("un tournant pour l’Asie centrale", "antonio_guterres"),
            Expected("Le monde regarde Douchanbé", "antonio_guterres"),
        ],
    ),
    Article(
        "fr_moscou",
        "fr",
        "Sergueï Lavrov a rencontré mercredi son homologue kirghiz Jeenbek Kulubaev à Moscou. "
        "Le chef de la diplomatie russe a déclaré que la Russie « n’abandonnera jamais ses "
        "alliés d’Asie centrale ».\n\n"
        "« Nous avons discuté de l’Union économique eurasiatique, de l’énergie et des "
        "migrations », a indiqué Jeenbek Kulubaev. « Le dialogue est franc », a-t-il poursuivi, "
        "« et il le restera. »\n\n"
        "Jeenbek Kulubaev estime que les échanges ont « beaucoup progressé » depuis 2022.",
        [
            Expected("n’abandonnera jamais ses alliés d’Asie centrale", "sergey_lavrov"),
            Expected(
                "Nous avons discuté de l’Union économique eurasiatique, de l’énergie et des "
                "migrations",
                "jeenbek_kulubaev",
            ),
            Expected("Le dialogue est franc", "jeenbek_kulubaev"),
            Expected("et il le restera.", "jeenbek_kulubaev"),
            Expected("beaucoup progressé", "jeenbek_kulubaev"),
        ],
    ),
    Article(
        "fr_bruxelles",
        "fr",
        "Ursula von der Leyen a présenté à Bruxelles un programme d’investissement pour la "
        "région. « L’Europe veut être le partenaire de confiance de l’Asie centrale », "
        "a-t-elle lancé. La présidente de la Commission a précisé que 10 milliards d’euros "
        "seraient mobilisés.\n\n"
        "Shavkat Mirziyoyev a salué un « pas historique ». Le président ouzbek a affirmé : "
        "« Nos peuples attendent des résultats concrets, et ils les auront. »",
        [
            Expected(
                "L’Europe veut être le partenaire de confiance de l’Asie centrale",
                "ursula_von_der_leyen",
            ),
            Expected("10 milliards d’euros seraient mobilisés", "ursula_von_der_leyen", "indirect"),
            Expected(
                "Nos peuples attendent des résultats concrets, et ils les auront.",
                "shavkat_mirziyoyev",
            ),
        ],
    ),
    Article(
        "en_washington",
        "en",
        "Secretary of State Antony Blinken met Kazakh Foreign Minister Murat Nurtleu in "
        "Washington on Tuesday. \u201cKazakhstan is a vital partner for the United States,\u201d "
        "Blinken said after the talks. \u201cWe will keep investing in the region,\u201d he added, "
        "\u201cbecause its success is our success.\u201d\n\n"
        "Nurtleu said that his country wanted to diversify its export routes. According to "
        "Murat Nurtleu, the Middle Corridor \u201ccould carry ten million tonnes a year.\u201d\n\n"
        "\u201cWe have never been closer,\u201d said Murat Nurtleu.",
        [
            Expected("Kazakhstan is a vital partner for the United States", "antony_blinken"),
            Expected("We will keep investing in the region", "antony_blinken"),
            Expected("because its success is our success.", "antony_blinken"),
            Expected(
                "his country wanted to diversify its export routes", "murat_nurtleu", "indirect"
            ),
            Expected("could carry ten million tonnes a year.", "murat_nurtleu"),
            Expected("We have never been closer", "murat_nurtleu"),
        ],
    ),
    Article(
        "en_tashkent",
        "en",
        'Uzbek President Shavkat Mirziyoyev hosted a regional summit in Tashkent on Friday. "Our '
        'region has changed more in five years than in the previous twenty," Mirziyoyev told '
        'the delegations. "We opened our borders. We opened our markets."\n\n'
        "Kyrgyz President Sadyr Japarov said the summit should produce a water-sharing deal "
        'before the summer. Japarov warned that "the glaciers will not wait for us."\n\n'
        "Tajik President Emomali Rahmon stressed that security in Afghanistan remained the main "
        "concern.",
        [
            Expected(
                "Our region has changed more in five years than in the previous twenty",
                "shavkat_mirziyoyev",
            ),
            Expected("We opened our borders. We opened our markets.", "shavkat_mirziyoyev"),
            Expected(
                "the summit should produce a water-sharing deal before the summer",
                "sadyr_japarov",
                "indirect",
            ),
            Expected("the glaciers will not wait for us.", "sadyr_japarov"),
            Expected(
                "security in Afghanistan remained the main concern", "emomali_rahmon", "indirect"
            ),
        ],
    ),
    Article(
        "en_un",
        "en",
        "UN Secretary-General Antonio Guterres addressed the General Assembly on Monday. "
        "\u201cThe climate crisis is a water crisis,\u201d Guterres said. He said that Central "
        "Asia showed \u201cwhat cooperation across borders can achieve.\u201d\n\n"
        "Russian Foreign Minister Sergei Lavrov told reporters that Moscow would back the "
        "initiative. \u201cWe support any effort that brings stability to our neighbours,\u201d "
        "Lavrov said, adding that talks would continue in Astana.",
        [
            Expected("The climate crisis is a water crisis", "antonio_guterres"),
            Expected("what cooperation across borders can achieve.", "antonio_guterres"),
            Expected("Moscow would back the initiative", "sergey_lavrov", "indirect"),
            Expected(
                "We support any effort that brings stability to our neighbours", "sergey_lavrov"
            ),
            Expected("talks would continue in Astana", "sergey_lavrov", "indirect"),
        ],
    ),
    Article(
        "en_ashgabat",
        "en",
        "Turkmen Foreign Minister Rashid Meredov received a European Union delegation in "
        "Ashgabat. The minister said Turkmenistan was ready to supply gas to Europe through "
        "the Caspian Sea. \u201cThe pipeline is a question of political will, not of "
        "engineering,\u201d Meredov said.\n\n"
        "According to Rashid Meredov, a feasibility study will be completed next year. \u201cWe "
        "are patient,\u201d he said. \u201cBut we are also determined.\u201d",
        [
            # "The minister": Rashid Meredov, named in the sentence before.
            Expected(
                "Turkmenistan was ready to supply gas to Europe through the Caspian Sea",
                "rashid_meredov",
                "indirect",
            ),
            Expected(
                "The pipeline is a question of political will, not of engineering",
                "rashid_meredov",
            ),
            Expected(
                "a feasibility study will be completed next year", "rashid_meredov", "indirect"
            ),
            Expected("We are patient", "rashid_meredov"),
            Expected("But we are also determined.", "rashid_meredov"),
        ],
    ),
]

# Written after the engine was tuned on the articles above, and measured as they came: the
# figures on these are the honest ones.
HELD_OUT = [
    Article(
        "fr_bichkek",
        "fr",
        "BICHKEK – Le président kirghiz Sadyr Japarov a reçu vendredi l’envoyé spécial chinois. "
        "« La Chine est notre premier partenaire commercial et nous voulons qu’elle le reste », "
        "a souligné Sadyr Japarov lors d’une conférence de presse.\n\n"
        "Interrogé sur le chemin de fer Chine-Kirghizistan-Ouzbékistan, il a précisé que les "
        "travaux commenceraient au printemps. « Ce projet changera la vie de millions de "
        "personnes », a-t-il insisté.\n\n"
        "Le ministre kirghiz des Affaires étrangères Jeenbek Kulubaev a pour sa part indiqué que "
        "Bichkek espérait accueillir un sommet régional en 2026.",
        [
            Expected(
                "La Chine est notre premier partenaire commercial et nous voulons qu’elle le reste",
                "sadyr_japarov",
            ),
            Expected("les travaux commenceraient au printemps", "sadyr_japarov", "indirect"),
            Expected("Ce projet changera la vie de millions de personnes", "sadyr_japarov"),
            Expected(
                "Bichkek espérait accueillir un sommet régional en 2026",
                "jeenbek_kulubaev",
                "indirect",
            ),
        ],
    ),
    Article(
        "fr_paris",
        "fr",
        "Emmanuel Macron a reçu à l’Élysée le président kazakh Kassym-Jomart Tokaïev. Les deux "
        "chefs d’État ont signé plusieurs accords dans le domaine de l’énergie.\n\n"
        "« La France est le cinquième investisseur au Kazakhstan », a rappelé M. Macron, qui a "
        "évoqué un partenariat « exemplaire ». Kassym-Jomart Tokaïev a déclaré : « Nous "
        "comptons sur l’expertise française dans le nucléaire civil. »\n\n"
        "Selon le président kazakh, les échanges commerciaux ont atteint un niveau record l’an "
        "dernier. « Nous irons plus loin », a-t-il promis.",
        [
            Expected("La France est le cinquième investisseur au Kazakhstan", "emmanuel_macron"),
            Expected("exemplaire", "emmanuel_macron"),
            Expected(
                "Nous comptons sur l’expertise française dans le nucléaire civil.",
                "kassym_jomart_tokayev",
            ),
            Expected(
                "les échanges commerciaux ont atteint un niveau record l’an dernier",
                "kassym_jomart_tokayev",
                "indirect",
            ),
            Expected("Nous irons plus loin", "kassym_jomart_tokayev"),
        ],
    ),
    Article(
        "en_astana",
        "en",
        "ASTANA — Kazakh President Kassym-Jomart Tokayev told a forum of foreign investors on "
        "Wednesday that the country would cut red tape for new projects. \u201cWe want Kazakhstan "
        "to be the easiest place in Eurasia to do business,\u201d Tokayev said.\n\n"
        "Deputy Foreign Minister Roman Vassilenko said the government was also preparing a new "
        "law on critical minerals. \u201cThe draft will go to parliament in the autumn,\u201d "
        "Vassilenko told reporters, \u201cand we expect it to pass quickly.\u201d\n\n"
        "\u201cThe message is clear: Kazakhstan is open,\u201d he added.",
        [
            Expected(
                "the country would cut red tape for new projects",
                "kassym_jomart_tokayev",
                "indirect",
            ),
            Expected(
                "We want Kazakhstan to be the easiest place in Eurasia to do business",
                "kassym_jomart_tokayev",
            ),
            Expected(
                "the government was also preparing a new law on critical minerals",
                "roman_vassilenko",
                "indirect",
            ),
            Expected("The draft will go to parliament in the autumn", "roman_vassilenko"),
            Expected("and we expect it to pass quickly.", "roman_vassilenko"),
            Expected("The message is clear: Kazakhstan is open", "roman_vassilenko"),
        ],
    ),
    Article(
        "en_dushanbe",
        "en",
        "Tajik President Emomali Rahmon met U.S. Secretary of State Marco Rubio in Dushanbe on "
        "Thursday. Rubio said that Washington valued Tajikistan's role on the Afghan border. "
        "\u201cThis is a partnership built on trust,\u201d he said.\n\n"
        "Rahmon, speaking through an interpreter, said: \u201cOur border with Afghanistan is "
        "1,400 kilometres long. We cannot protect it alone.\u201d According to Rahmon, Tajikistan "
        "needs more equipment for its border guards.",
        [
            Expected(
                "Washington valued Tajikistan's role on the Afghan border",
                "marco_rubio",
                "indirect",
            ),
            Expected("This is a partnership built on trust", "marco_rubio"),
            Expected(
                "Our border with Afghanistan is 1,400 kilometres long. We cannot protect it alone.",
                "emomali_rahmon",
            ),
            Expected(
                "Tajikistan needs more equipment for its border guards",
                "emomali_rahmon",
                "indirect",
            ),
        ],
    ),
]

# A second batch written after the fixes the first held-out batch led to, measured as it came.
HELD_OUT_2 = [
    Article(
        "fr_tachkent",
        "fr",
        "Le président ouzbek Shavkat Mirziyoyev a ouvert lundi le forum d’investissement de "
        "Tachkent. « L’Ouzbékistan d’aujourd’hui n’est plus celui d’il y a dix ans », "
        "déclare-t-il devant quelque deux mille participants.\n\n"
        "Le chef de l’État estime que la réforme de la justice est « la condition de la "
        "confiance des investisseurs ». Bakhtiyor Saidov, ministre des Affaires étrangères, "
        "a de son côté rappelé que le pays visait l’adhésion à l’OMC d’ici 2026.\n\n"
        "« Nous ne reviendrons pas en arrière », a martelé Shavkat Mirziyoyev en conclusion.",
        [
            Expected(
                "L’Ouzbékistan d’aujourd’hui n’est plus celui d’il y a dix ans",
                "shavkat_mirziyoyev",
            ),
            Expected("la condition de la confiance des investisseurs", "shavkat_mirziyoyev"),
            Expected(
                "le pays visait l’adhésion à l’OMC d’ici 2026", "bakhtiyor_saidov", "indirect"
            ),
            Expected("Nous ne reviendrons pas en arrière", "shavkat_mirziyoyev"),
        ],
    ),
    Article(
        "fr_ankara",
        "fr",
        "Recep Tayyip Erdoğan a accueilli à Ankara les dirigeants de l’Organisation des États "
        "turciques. « Notre famille turcique est plus unie que jamais », a affirmé le président "
        "turc. Kassym-Jomart Tokaïev a pour sa part plaidé pour un « corridor médian » plus "
        "rapide.\n\n"
        "« Les marchandises doivent traverser la Caspienne en dix jours, pas en trente », "
        "a-t-il souligné.",
        [
            Expected("Notre famille turcique est plus unie que jamais", "recep_tayyip_erdogan"),
            Expected(
                "Les marchandises doivent traverser la Caspienne en dix jours, pas en trente",
                "kassym_jomart_tokayev",
            ),
        ],
    ),
    Article(
        "en_brussels",
        "en",
        "European Commission President Ursula von der Leyen announced a new investment package "
        "for Central Asia on Thursday. \u201cEurope is here to stay,\u201d von der Leyen told "
        "the leaders gathered in Samarkand. She said the package would focus on transport, "
        "raw materials and clean energy.\n\n"
        "Kyrgyz President Sadyr Japarov welcomed the offer. \u201cWe need investment, not "
        "lectures,\u201d Japarov said in a statement. The Kyrgyz leader added that his country "
        "would host the next ministerial meeting.",
        [
            Expected("Europe is here to stay", "ursula_von_der_leyen"),
            Expected(
                "the package would focus on transport, raw materials and clean energy",
                "ursula_von_der_leyen",
                "indirect",
            ),
            Expected("We need investment, not lectures", "sadyr_japarov"),
            Expected(
                "his country would host the next ministerial meeting", "sadyr_japarov", "indirect"
            ),
        ],
    ),
    Article(
        "en_moscow",
        "en",
        "Russian President Vladimir Putin received Kazakh President Kassym-Jomart Tokayev in "
        "Moscow. \u201cRussia and Kazakhstan are bound by history and geography,\u201d Putin "
        "said at the start of the talks. Tokayev replied that trade between the two countries "
        "had reached $28 billion last year.\n\n"
        "\u201cOur partnership does not depend on the political weather,\u201d the Kazakh "
        "president said.",
        [
            Expected("Russia and Kazakhstan are bound by history and geography", "vladimir_putin"),
            Expected(
                "trade between the two countries had reached $28 billion last year",
                "kassym_jomart_tokayev",
                "indirect",
            ),
            Expected(
                "Our partnership does not depend on the political weather",
                "kassym_jomart_tokayev",
            ),
        ],
    ),
]
