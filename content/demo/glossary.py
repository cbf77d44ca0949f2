"""Glossary of the demo courses: English and French, and Arabic, Spanish and Russian where lessons need them.

Each term is identified by its slug, which lessons reference through ("glossary_term", "<slug>") blocks.
"""

TERMS = [
    {
        "slug": "victim-of-trafficking",
        "en": {
            "term": "Victim of trafficking",
            "definition": (
                "<p>A person who has been recruited, transported, transferred, harboured or received by means such "
                "as threat, force, deception, abduction or abuse of a position of vulnerability, for the purpose of "
                "exploitation: sexual exploitation, forced labour or services, slavery or similar practices, servitude, "
                "removal of organs, and under many national laws forced begging or forced criminality. For a child "
                "under 18 the means are not required. A person is a victim whether or not they agreed at first, "
                "crossed a border or have been formally identified.</p>"
            ),
        },
        "fr": {
            "term": "Victime de traite",
            "definition": (
                "<p>Personne recrutée, transportée, transférée, hébergée ou accueillie par des moyens tels que la "
                "menace, la force, la tromperie, l'enlèvement ou l'abus d'une situation de vulnérabilité, aux fins "
                "d'exploitation : exploitation sexuelle, travail ou services forcés, esclavage ou pratiques analogues, "
                "servitude, prélèvement d'organes et, dans de nombreuses lois nationales, mendicité forcée ou "
                "criminalité forcée. Pour un enfant de moins de 18 ans, les moyens ne sont pas exigés. La personne est "
                "victime qu'elle ait ou non consenti au départ, franchi une frontière ou été formellement "
                "identifiée.</p>"
            ),
        },
    },
    {
        "slug": "palermo-protocol",
        "en": {
            "term": "Palermo Protocol",
            "definition": (
                "<p>The Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, "
                "supplementing the United Nations Convention against Transnational Organized Crime. Adopted by the UN "
                "General Assembly in 2000 and in force since 25 December 2003, it contains the first internationally "
                "agreed definition of trafficking in persons (Article 3) and obliges states to criminalise it, protect "
                "and assist victims, and cooperate to prevent it.</p>"
            ),
        },
        "fr": {
            "term": "Protocole de Palerme",
            "definition": (
                "<p>Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes "
                "et des enfants, additionnel à la Convention des Nations Unies contre la criminalité transnationale "
                "organisée. Adopté par l'Assemblée générale des Nations Unies en 2000 et en vigueur depuis le "
                "25 décembre 2003, il contient la première définition internationalement reconnue de la traite des "
                "personnes (article 3) et oblige les États à l'incriminer, à protéger et assister les victimes et à "
                "coopérer pour la prévenir.</p>"
            ),
        },
    },
    {
        "slug": "non-punishment-principle",
        "en": {
            "term": "Non-punishment principle",
            "definition": (
                "<p>The principle that victims of trafficking should not be arrested, prosecuted, detained or "
                "penalised for offences they were compelled to commit, or that were a direct consequence of their "
                "being trafficked, such as irregular entry, use of false documents or forced criminal activity. It is "
                "set out in Article 26 of the Council of Europe Convention on Action against Trafficking in Human "
                "Beings, Article 8 of EU Directive 2011/36/EU and the 2014 Protocol to the ILO Forced Labour "
                "Convention, and is recommended by UN and OSCE guidance.</p>"
            ),
        },
        "fr": {
            "term": "Principe de non-sanction",
            "definition": (
                "<p>Principe selon lequel les victimes de traite ne doivent pas être arrêtées, poursuivies, détenues "
                "ou sanctionnées pour des infractions qu'elles ont été contraintes de commettre, ou qui sont la "
                "conséquence directe de la traite subie, comme l'entrée irrégulière, l'usage de faux documents ou une "
                "activité criminelle forcée. Il figure à l'article 26 de la Convention du Conseil de l'Europe sur la "
                "lutte contre la traite des êtres humains, à l'article 8 de la directive 2011/36/UE et dans le "
                "Protocole de 2014 relatif à la convention de l'OIT sur le travail forcé, et il est recommandé par les "
                "orientations des Nations Unies et de l'OSCE.</p>"
            ),
        },
    },
    {
        "slug": "national-referral-mechanism",
        "en": {
            "term": "National referral mechanism (NRM)",
            "definition": (
                "<p>The framework through which state bodies and civil-society organisations work together to "
                "identify presumed victims of trafficking, refer them to assistance and protect their rights. It "
                "usually rests on a legal text, a national coordination body, standard operating procedures and "
                "agreements between services, and covers identification, immediate assistance, a reflection period, "
                "longer-term support and a durable solution.</p>"
            ),
        },
        "fr": {
            "term": "Mécanisme national de référence (MNR)",
            "definition": (
                "<p>Cadre par lequel les institutions de l'État et les organisations de la société civile coopèrent "
                "pour identifier les victimes présumées de traite, les orienter vers l'assistance et protéger leurs "
                "droits. Il repose généralement sur un texte juridique, un organe national de coordination, des "
                "procédures opérationnelles standard et des accords entre services, et couvre l'identification, "
                "l'assistance immédiate, un délai de réflexion, le soutien à plus long terme et une solution "
                "durable.</p>"
            ),
        },
    },
    {
        "slug": "indicators-of-trafficking",
        "en": {
            "term": "Indicators of trafficking",
            "definition": (
                "<p>Observable signs that a person may be a victim of trafficking, such as someone else holding their "
                "identity documents, a debt they cannot repay, restricted movement, signs of violence, rehearsed or "
                "inconsistent accounts, or not knowing their own address. Indicators show when to ask further "
                "questions and to refer; they are not proof, and identification is a process rather than a "
                "checklist.</p>"
            ),
        },
        "fr": {
            "term": "Indicateurs de traite",
            "definition": (
                "<p>Signes observables indiquant qu'une personne peut être victime de traite : documents d'identité "
                "détenus par un tiers, dette impossible à rembourser, liberté de mouvement restreinte, traces de "
                "violence, récit appris par cœur ou incohérent, méconnaissance de sa propre adresse. Les indicateurs "
                "signalent qu'il faut poser d'autres questions et orienter la personne ; ils ne constituent pas une "
                "preuve, et l'identification est un processus plutôt qu'une liste de contrôle.</p>"
            ),
        },
    },
    {
        "slug": "avrr",
        "en": {
            "term": "Assisted voluntary return and reintegration (AVRR)",
            "definition": (
                "<p>Administrative, logistical and financial support for migrants who cannot or do not wish to remain "
                "in a host or transit country and who choose to return to their country of origin, together with help "
                "to reintegrate there. Return is voluntary only when the choice is both free and informed. For victims "
                "of trafficking it requires a prior risk assessment and a reintegration plan; for children, a best "
                "interests determination.</p>"
            ),
        },
        "fr": {
            "term": "Aide au retour volontaire et à la réintégration (AVRR)",
            "definition": (
                "<p>Soutien administratif, logistique et financier apporté aux migrants qui ne peuvent pas ou ne "
                "souhaitent pas rester dans le pays d'accueil ou de transit et qui choisissent de rentrer dans leur "
                "pays d'origine, assorti d'une aide à la réintégration. Le retour n'est volontaire que si le choix est "
                "à la fois libre et éclairé. Pour les victimes de traite, il suppose une évaluation préalable des "
                "risques et un plan de réintégration ; pour les enfants, une détermination de l'intérêt "
                "supérieur.</p>"
            ),
        },
    },
    {
        "slug": "unaccompanied-child",
        "en": {
            "term": "Unaccompanied child",
            "definition": (
                "<p>A person under 18 who has been separated from both parents and other relatives and is not being "
                "cared for by an adult who, by law or custom, is responsible for doing so (Committee on the Rights of "
                "the Child, General Comment No. 6). An unaccompanied child needs a guardian without delay, safe care "
                "and a best interests procedure, and must never be detained because of migration status.</p>"
            ),
        },
        "fr": {
            "term": "Enfant non accompagné",
            "definition": (
                "<p>Personne de moins de 18 ans séparée de ses deux parents et des autres membres de sa famille, et "
                "qui n'est pas prise en charge par un adulte investi de cette responsabilité par la loi ou la coutume "
                "(Comité des droits de l'enfant, Observation générale n° 6). Un enfant non accompagné doit recevoir "
                "sans délai un tuteur, une prise en charge sûre et une procédure d'intérêt supérieur, et ne doit jamais "
                "être détenu en raison de sa situation migratoire.</p>"
            ),
        },
    },
    {
        "slug": "separated-child",
        "en": {
            "term": "Separated child",
            "definition": (
                "<p>A person under 18 who has been separated from both parents, or from their previous legal or "
                "customary primary caregiver, but not necessarily from other relatives. A separated child may be "
                "accompanied by another adult family member; the relationship and that adult's capacity to care for "
                "the child must be assessed, since traffickers sometimes pose as relatives.</p>"
            ),
        },
        "fr": {
            "term": "Enfant séparé",
            "definition": (
                "<p>Personne de moins de 18 ans séparée de ses deux parents, ou de la personne qui en avait la charge "
                "à titre principal en vertu de la loi ou de la coutume, mais pas nécessairement d'autres membres de sa "
                "famille. Un enfant séparé peut donc être accompagné d'un autre adulte de la famille ; le lien de "
                "parenté et la capacité de cet adulte à s'occuper de l'enfant doivent être évalués, car les "
                "trafiquants se font parfois passer pour des proches.</p>"
            ),
        },
    },
    {
        "slug": "best-interests-determination",
        "en": {
            "term": "Best interests determination (BID)",
            "definition": (
                "<p>A formal process, with strict procedural safeguards, to determine the best interests of a child "
                "before a particularly significant decision, such as the choice of a durable solution for an "
                "unaccompanied or separated child or a separation from parents against their will. It is decided by a "
                "panel with relevant expertise, takes the child's views into account, and is documented. It differs "
                "from the best interests assessment (BIA), which guides day-to-day case management.</p>"
            ),
        },
        "fr": {
            "term": "Détermination de l'intérêt supérieur (DIS)",
            "definition": (
                "<p>Procédure formelle, entourée de garanties strictes, qui permet de déterminer l'intérêt supérieur "
                "d'un enfant avant une décision particulièrement importante, comme le choix d'une solution durable pour "
                "un enfant non accompagné ou séparé, ou une séparation d'avec ses parents contre leur gré. La décision "
                "est prise par un comité réunissant les compétences nécessaires, tient compte de l'opinion de l'enfant "
                "et est consignée par écrit. Elle se distingue de l'évaluation de l'intérêt supérieur (EIS), qui guide "
                "la gestion quotidienne du dossier.</p>"
            ),
        },
    },
    {
        "slug": "personal-data",
        "en": {
            "term": "Personal data",
            "definition": (
                "<p>Any information relating to an identified or identifiable living person (the data subject), such "
                "as a name, a photograph, fingerprints, a telephone number or a case number linked to a name. Some "
                "personal data is especially sensitive, for example health, ethnic origin, religion, sexual life, "
                "biometric data and criminal records; in migration work, a person's status as a victim of "
                "trafficking or asylum seeker and their location must be treated as equally sensitive.</p>"
            ),
        },
        "fr": {
            "term": "Données à caractère personnel",
            "definition": (
                "<p>Toute information se rapportant à une personne physique vivante identifiée ou identifiable (la "
                "personne concernée) : nom, photographie, empreintes digitales, numéro de téléphone, numéro de dossier "
                "associé à un nom. Certaines données sont particulièrement sensibles, comme la santé, l'origine "
                "ethnique, la religion, la vie sexuelle, les données biométriques et les antécédents judiciaires ; dans "
                "le travail sur les migrations, le statut de victime de traite ou de demandeur d'asile et le lieu où "
                "se trouve la personne doivent être traités comme tout aussi sensibles.</p>"
            ),
        },
    },
    {
        "slug": "data-controller",
        "en": {
            "term": "Data controller",
            "definition": (
                "<p>The organisation or authority that decides why and how personal data is processed, and is "
                "therefore responsible for complying with data protection rules and able to demonstrate it. A data "
                "processor, such as a company hosting a database, handles data only on the controller's instructions "
                "and under a written agreement.</p>"
            ),
        },
        "fr": {
            "term": "Responsable du traitement",
            "definition": (
                "<p>Organisation ou autorité qui détermine les finalités et les moyens du traitement des données à "
                "caractère personnel, et qui est donc responsable du respect des règles de protection des données et "
                "doit pouvoir le démontrer. Un sous-traitant, comme une société qui héberge une base de données, ne "
                "traite les données que sur instruction du responsable du traitement et dans le cadre d'un contrat "
                "écrit.</p>"
            ),
        },
    },
    {
        "slug": "informed-consent",
        "en": {
            "term": "Informed consent",
            "definition": (
                "<p>A person's free, specific, clear and revocable agreement to a particular use of their personal "
                "data or to a service, given after they have understood what will be done, why, by whom, for how long, "
                "and what happens if they refuse. For people who depend on an organisation for protection or "
                "assistance, consent is often not truly free; essential processing should then rest on another legal "
                "basis, with the person still fully informed.</p>"
            ),
        },
        "fr": {
            "term": "Consentement éclairé",
            "definition": (
                "<p>Accord libre, spécifique, clair et révocable d'une personne à une utilisation déterminée de ses "
                "données personnelles ou à un service, donné après avoir compris ce qui sera fait, pourquoi, par qui, "
                "pendant combien de temps et ce qui se passera en cas de refus. Pour les personnes qui dépendent d'une "
                "organisation pour leur protection ou leur assistance, le consentement est rarement tout à fait libre ; "
                "les traitements indispensables doivent alors reposer sur une autre base juridique, la personne restant "
                "pleinement informée.</p>"
            ),
        },
    },
]

# Definitions in the other languages, for the terms their demo lessons reference. Arabic follows
# the official United Nations terminology («الاتجار بالأشخاص»), Spanish «trata de personas»,
# Russian «торговля людьми».
MORE_LANGUAGES = {
    "victim-of-trafficking": {
        "ar": {
            "term": "ضحية الاتجار بالأشخاص",
            "definition": (
                "<p>كلّ شخص جرى تجنيده أو نقله أو تنقيله أو إيواؤه أو استقباله بوسائل مثل التهديد بالقوة أو "
                "استعمالها أو الاختطاف أو الاحتيال أو الخداع أو استغلال حالة استضعاف، بغرض استغلاله: الاستغلال "
                "الجنسي، أو السخرة أو الخدمة قسرًا، أو الاسترقاق أو الممارسات الشبيهة بالرق، أو الاستعباد، أو نزع "
                "الأعضاء، ويُضاف إليها في تشريعات وطنية كثيرة التسوّل القسري والإكراه على ارتكاب الجرائم. ولا "
                "يُشترط عنصر الوسيلة إذا كان الشخص طفلًا دون الثامنة عشرة. ويُعدّ الشخص ضحيةً سواء أوافق في "
                "البداية أم لم يوافق، وسواء أعبر الحدود أم لم يعبرها، وسواء أجرى التعرّف عليه رسميًا أم لا.</p>"
            ),
        },
        "ru": {
            "term": "Жертва торговли людьми",
            "definition": (
                "<p>Лицо, которое было завербовано, перевезено, передано, укрыто или получено путём угрозы силой или "
                "её применения, похищения, мошенничества, обмана, злоупотребления уязвимостью положения или иного "
                "средства воздействия в целях эксплуатации: сексуальной эксплуатации, принудительного труда или "
                "услуг, рабства или обычаев, сходных с рабством, подневольного состояния, извлечения органов, а по "
                "законодательству многих государств также принуждения к попрошайничеству или к совершению "
                "преступлений. Если лицу не исполнилось 18 лет, средство воздействия не требуется. Лицо является "
                "жертвой независимо от того, соглашалось ли оно вначале, пересекало ли границу и было ли официально "
                "признано жертвой.</p>"
            ),
        },
    },
    "national-referral-mechanism": {
        "ar": {
            "term": "الآلية الوطنية للإحالة",
            "definition": (
                "<p>إطار تتعاون من خلاله مؤسسات الدولة ومنظمات المجتمع المدني على التعرّف على الضحايا المفترضين "
                "للاتجار بالأشخاص، وإحالتهم إلى المساعدة، وحماية حقوقهم. وتقوم عادةً على نصّ قانوني، وهيئة وطنية "
                "للتنسيق، وإجراءات تشغيل موحّدة، واتفاقات بين الجهات المعنية، وتشمل التعرّف على الضحية، والمساعدة "
                "الفورية، ومهلة للتعافي ولاتخاذ القرار، والدعم على المدى الأطول، والوصول إلى حلّ دائم.</p>"
            ),
        },
    },
    "indicators-of-trafficking": {
        "ar": {
            "term": "مؤشرات الاتجار بالأشخاص",
            "definition": (
                "<p>علامات يمكن ملاحظتها تدلّ على أن الشخص قد يكون ضحية اتجار، مثل احتفاظ شخص آخر بوثائق هويته، "
                "أو دَين يعجز عن سداده، أو تقييد حريته في التنقل، أو آثار عنف، أو رواية محفوظة عن ظهر قلب أو "
                "متناقضة، أو جهله بعنوان المكان الذي يسكن فيه. والمؤشرات تنبّه إلى ضرورة طرح مزيد من الأسئلة وإلى "
                "الإحالة، لكنها ليست دليل إثبات، فالتعرّف على الضحايا مسار متكامل لا قائمة تدقيق.</p>"
            ),
        },
    },
    "avrr": {
        "ar": {
            "term": "العودة الطوعية المُساعَدة وإعادة الإدماج",
            "definition": (
                "<p>دعم إداري ولوجستي ومالي يُقدَّم إلى المهاجرين الذين لا يستطيعون البقاء في بلد الاستقبال أو "
                "العبور أو لا يرغبون في ذلك، ويختارون العودة إلى بلدهم الأصلي، مع مساعدتهم على الاندماج فيه من "
                "جديد. ولا تكون العودة طوعية إلا إذا كان الاختيار حرًّا ومستنيرًا معًا. وتستلزم عودة ضحايا الاتجار "
                "بالأشخاص تقييمًا مسبقًا للمخاطر وخطةً لإعادة الإدماج، وتستلزم عودة الأطفال تحديد مصالحهم "
                "الفضلى.</p>"
            ),
        },
    },
    "personal-data": {
        "es": {
            "term": "Datos personales",
            "definition": (
                "<p>Toda información sobre una persona física viva, identificada o identificable (la persona "
                "titular de los datos), como un nombre, una fotografía, las huellas dactilares, un número de "
                "teléfono o un número de expediente vinculado a un nombre. Algunos datos personales son "
                "especialmente sensibles, por ejemplo los relativos a la salud, el origen étnico, la religión o la "
                "vida sexual, los datos biométricos y los antecedentes penales; en el trabajo con personas migrantes, "
                "la condición de víctima de trata de personas o de solicitante de asilo y el lugar donde se "
                "encuentra la persona deben tratarse como igualmente sensibles.</p>"
            ),
        },
    },
    "data-controller": {
        "es": {
            "term": "Responsable del tratamiento",
            "definition": (
                "<p>La organización o autoridad que decide para qué y cómo se tratan los datos personales y que, por "
                "lo tanto, es responsable de cumplir las normas de protección de datos y debe poder demostrarlo. Un "
                "encargado del tratamiento, como una empresa que aloja una base de datos, solo trata los datos "
                "según las instrucciones del responsable y en el marco de un contrato escrito.</p>"
            ),
        },
    },
    "informed-consent": {
        "es": {
            "term": "Consentimiento informado",
            "definition": (
                "<p>Manifestación de voluntad libre, específica, inequívoca y revocable por la que una persona acepta "
                "un uso determinado de sus datos personales o un servicio, después de haber comprendido qué se hará, "
                "con qué fin, quién lo hará, durante cuánto tiempo y qué ocurre si se niega. Para quienes dependen de "
                "una organización para su protección o asistencia, el consentimiento rara vez es del todo libre; en "
                "ese caso, el tratamiento indispensable debe apoyarse en otra base jurídica, y la persona debe "
                "seguir plenamente informada.</p>"
            ),
        },
    },
}

for _item in TERMS:
    _item.update(MORE_LANGUAGES.get(_item["slug"], {}))
