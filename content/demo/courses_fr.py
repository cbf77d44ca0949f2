"""Demo course content in French.

French translations of two demo courses: "identifying-and-referring-victims-of-trafficking" and
"collecting-and-protecting-personal-data". Course, module and lesson slugs are identical to the English source
(content/demo/courses_en.py): they identify the translation. Block order and glossary slugs are unchanged.
All people and cases are fictional.
"""

IDENTIFYING_AND_REFERRING = {
    "slug": "identifying-and-referring-victims-of-trafficking",
    "title": "Identifier et orienter les victimes de traite",
    "summary": (
        "Comprendre ce qu'est la traite des personnes en droit international, la distinguer du trafic illicite de "
        "migrants et d'autres abus, en reconnaître les signes, mener un premier entretien en toute sécurité et "
        "orienter une victime présumée, par le mécanisme national de référence, vers la protection, l'assistance et, "
        "si elle le choisit, un retour sûr."
    ),
    "description": (
        "<p>La plupart des victimes de traite ne sont jamais identifiées. Elles passent par des postes frontières, "
        "des gares routières, des commissariats, des plantations, des sites d'orpaillage et des foyers où un agent "
        "aurait pu remarquer que quelque chose n'allait pas. Cette formation s'adresse à ces agents : policiers des "
        "frontières et de l'immigration, policiers et gendarmes, inspecteurs du travail, travailleurs sociaux et "
        "personnels des organisations de la société civile, qui sont souvent les premiers à rencontrer une personne "
        "en situation d'exploitation.</p>"
        "<p>Vous travaillerez sur les trois éléments de la définition internationale, apprendrez à distinguer la "
        "traite du trafic illicite de migrants et des infractions au droit du travail, et vous exercerez à utiliser "
        "les indicateurs sans en faire une simple liste de contrôle. Vous verrez comment mener un premier entretien "
        "qui protège la personne, et comment un mécanisme national de référence conduit une victime présumée de "
        "l'identification à l'assistance puis, lorsqu'elle le choisit et que c'est sans danger, à l'aide au retour "
        "volontaire et à la réintégration.</p>"
        "<p>Les exemples s'inspirent de situations courantes en Afrique de l'Ouest et le long des routes qui la "
        "traversent. Toutes les personnes et tous les cas sont fictifs.</p>"
    ),
    "audiences": ["border-police", "police", "labour-inspection", "social-services", "ngo"],
    "topics": ["victim-identification", "referral"],
    "outcomes": [
        "Expliquer les trois éléments de la définition internationale de la traite des personnes et pourquoi l'élément « moyens » n'est pas exigé pour les enfants.",
        "Distinguer la traite des personnes du trafic illicite de migrants et des infractions au droit du travail, et reconnaître le moment où l'un se transforme en l'autre.",
        "Reconnaître les indicateurs de traite, généraux et propres à chaque secteur, et s'en servir pour décider quand poser d'autres questions.",
        "Mener un premier entretien sûr et attentif au traumatisme avec une victime présumée, avec un interprète adapté et sans promettre ce que l'on ne peut pas tenir.",
        "Orienter une victime présumée par le mécanisme national de référence et décrire les garanties applicables à l'aide au retour volontaire et à la réintégration.",
    ],
    "hours": 2.5,
    "prerequisites": "Aucun. La formation est conçue pour des agents qui découvrent le sujet ; les praticiens expérimentés peuvent l'utiliser comme remise à niveau.",
    "modules": [
        {
            "slug": "understanding-trafficking",
            "title": "Comprendre la traite des personnes",
            "summary": "Ce que dit la définition internationale et ce qui distingue la traite du trafic illicite de migrants et d'autres formes d'exploitation.",
            "lessons": [
                {
                    "slug": "what-trafficking-is",
                    "title": "Qu'est-ce que la traite : acte, moyens et finalité",
                    "summary": "Les trois éléments de la définition du Protocole de Palerme, la règle particulière pour les enfants et pourquoi le consentement n'efface pas la traite.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Pourquoi une définition commune est nécessaire</h2>"
                            "<p>Policiers des frontières, enquêteurs, inspecteurs du travail et travailleurs sociaux "
                            "rencontrent les mêmes personnes à différents moments de leur parcours. Si chaque service "
                            "applique sa propre idée de la traite, une personne reconnue comme victime par un bureau peut "
                            "être traitée comme migrant en situation irrégulière ou comme délinquant par le suivant. La "
                            "définition internationale donne à tous la même grille de lecture. Elle figure à l'article 3 "
                            "du Protocole de Palerme, adopté par l'Assemblée générale des Nations Unies en 2000, et la "
                            "plupart des lois nationales d'Afrique de l'Ouest la reprennent de près.</p>"
                            "<h2>Trois éléments : l'acte, les moyens et la finalité</h2>"
                            "<p>Pour un adulte, il y a traite lorsque trois éléments sont réunis.</p>"
                            "<ul>"
                            "<li><b>L'acte</b>, c'est-à-dire ce qui est fait à la personne : le recrutement, le transport, "
                            "le transfert, l'hébergement ou l'accueil. Un seul acte suffit, et différents membres d'un "
                            "réseau peuvent chacun accomplir un acte différent.</li>"
                            "<li><b>Les moyens</b>, c'est-à-dire la manière dont la personne est placée sous contrôle : la "
                            "menace ou le recours à la force ou à d'autres formes de contrainte, l'enlèvement, la fraude, "
                            "la tromperie, l'abus d'autorité ou d'une situation de vulnérabilité, ou l'offre ou "
                            "l'acceptation de paiements ou d'avantages pour obtenir le consentement d'une personne ayant "
                            "autorité sur la victime.</li>"
                            "<li><b>La finalité</b>, qui est l'exploitation. Le Protocole énumère au minimum l'exploitation "
                            "de la prostitution d'autrui ou d'autres formes d'exploitation sexuelle, le travail ou les "
                            "services forcés, l'esclavage ou les pratiques analogues à l'esclavage, la servitude et le "
                            "prélèvement d'organes. De nombreuses lois nationales y ajoutent la mendicité forcée, la "
                            "criminalité forcée ou le mariage forcé.</li>"
                            "</ul>"
                            "<p>La finalité est une intention, pas un résultat. Une personne peut être victime de traite "
                            "avant que l'exploitation ne commence : un minibus arrêté à un poste frontière alors qu'il "
                            "conduit des recrues vers un lieu de travail où elles seront exploitées peut déjà relever de "
                            "la traite.</p>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Enfants : les moyens ne sont pas exigés",
                            "text": (
                                "<p>Lorsque la personne a moins de 18 ans, son recrutement, son transport, son transfert, "
                                "son hébergement ou son accueil aux fins d'exploitation constituent une traite même si "
                                "aucune menace, tromperie ou autre moyen n'a été employé (article 3, alinéas c et d, du "
                                "Protocole de Palerme). L'accord d'un parent, une somme versée à la famille ou le souhait "
                                "de l'enfant lui-même de partir n'y changent rien.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Le consentement n'efface pas la traite</h2>"
                            "<p>Beaucoup de victimes ont accepté de quitter leur foyer. Une jeune femme d'Abidjan a pu "
                            "accepter une offre d'emploi dans un restaurant à l'étranger ; un jeune homme a pu payer un "
                            "intermédiaire pour lui trouver du travail dans une exploitation agricole. Dès lors que l'un "
                            "des moyens énumérés a été employé, cet accord initial est indifférent (article 3, alinéa b). "
                            "Nul ne peut valablement consentir à une exploitation obtenue en le trompant ou en profitant "
                            "de sa situation. En pratique, des remarques comme « elle savait qu'elle travaillerait dans un "
                            "bar » ou « il a signé un contrat » ne justifient jamais, à elles seules, de cesser de poser "
                            "des questions.</p>"
                            "<h2>L'abus d'une situation de vulnérabilité</h2>"
                            "<p>C'est le moyen le plus souvent présent et le plus facilement négligé. Il couvre les "
                            "situations dans lesquelles la personne n'avait pas d'autre choix réel et acceptable que de se "
                            "soumettre : extrême pauvreté, dette, situation irrégulière, handicap, dépendance à l'égard du "
                            "recruteur pour se nourrir et se loger, isolement dans un pays dont elle ne parle pas la "
                            "langue. Les trafiquants ont rarement besoin de chaînes. Ils comptent sur le fait que la "
                            "victime n'a nulle part où aller.</p>"
                            "<h2>Aucune frontière ne doit être franchie</h2>"
                            "<p>Bien que le Protocole complète une convention contre la criminalité transnationale, les "
                            "États doivent incriminer la traite qu'une frontière soit franchie ou non, et qu'un groupe "
                            "criminel organisé soit impliqué ou non. Une fillette amenée d'une zone rurale pour travailler "
                            "sans salaire comme domestique à Dakar est tout autant victime qu'une fillette emmenée sur un "
                            "autre continent. Dans de nombreux pays d'Afrique de l'Ouest, la traite interne est plus "
                            "fréquente que la traite transfrontalière.</p>"
                        )),
                        ("glossary_term", "victim-of-trafficking"),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "La traite d'un adulte suppose la réunion d'un acte, d'un moyen et d'une finalité d'exploitation.",
                                "Pour un enfant de moins de 18 ans, l'élément « moyens » n'est pas exigé : un acte commis aux fins d'exploitation suffit.",
                                "Lorsque la tromperie, la contrainte, l'abus de vulnérabilité ou un autre moyen énuméré a été employé, le consentement de la victime est indifférent.",
                                "Il n'est pas nécessaire que l'exploitation ait commencé : recruter ou déplacer une personne aux fins d'exploitation suffit.",
                                "La traite peut se dérouler à l'intérieur d'un seul pays ; le franchissement d'une frontière n'est pas un élément de l'infraction.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "trafficking-and-smuggling",
                    "title": "Traite, trafic illicite de migrants et autres formes d'exploitation",
                    "summary": "Comment distinguer la traite du trafic illicite de migrants et des infractions au droit du travail, et comment l'un peut se transformer en l'autre.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Deux infractions différentes</h2>"
                            "<p>Le trafic illicite de migrants et la traite des personnes sont souvent confondus, car ils "
                            "empruntent les mêmes routes et parfois les mêmes réseaux. Ils relèvent "
                            "de deux protocoles distincts additionnels à la Convention des Nations Unies contre la "
                            "criminalité transnationale organisée et appellent des réponses différentes.</p>"
                            "<ul>"
                            "<li><b>Le trafic illicite de migrants</b> consiste à assurer, contre de l'argent ou un autre "
                            "avantage matériel, l'entrée illégale d'une personne dans un pays dont elle n'est ni "
                            "ressortissante ni résidente permanente. Le migrant a accepté le service, la relation avec le "
                            "passeur prend normalement fin à l'arrivée, l'infraction porte atteinte aux règles de l'État "
                            "en matière de frontières, et une frontière est toujours franchie.</li>"
                            "<li><b>La traite</b> vise à exploiter la personne. Les moyens employés, ou l'âge de la "
                            "personne, privent de sens tout consentement ; la relation se poursuit après l'arrivée parce "
                            "que le profit vient de l'exploitation ; l'infraction porte atteinte à la personne ; et aucune "
                            "frontière ne doit nécessairement être franchie.</li>"
                            "</ul>"
                            "<p>Le Protocole relatif au trafic illicite de migrants précise également que les migrants ne "
                            "peuvent pas être poursuivis pénalement du seul fait d'avoir fait l'objet d'un trafic, et ces "
                            "migrants peuvent eux-mêmes subir de graves abus qui appellent une protection.</p>"
                            "<h2>Quand le trafic devient traite</h2>"
                            "<p>Les situations évoluent au cours du voyage. Un homme qui paie un chauffeur pour l'emmener "
                            "vers le nord depuis Niamey peut s'entendre dire en chemin que le prix a "
                            "doublé et qu'il devra rembourser la différence en travaillant sur un site d'orpaillage. Une "
                            "femme partie avec un passeur de son choix peut être remise à l'arrivée à quelqu'un qui lui "
                            "prend son passeport et l'envoie travailler dans un bar. Le voyage a commencé comme un trafic "
                            "illicite ; la suite relève de la traite. Examinez la situation actuelle de la personne, et "
                            "pas seulement la manière dont le voyage a commencé.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Ne pas étiqueter les personnes trop tôt",
                            "text": (
                                "<p>Une personne enregistrée comme « migrant objet de trafic » lors du premier entretien "
                                "risque de ne plus jamais être interrogée. Gardez l'esprit ouvert, consignez ce que vous "
                                "observez et réexaminez votre appréciation chaque fois qu'une nouvelle information "
                                "apparaît.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>L'exploitation qui n'est pas de la traite</h2>"
                            "<p>Tout emploi mal payé ou tout employeur abusif ne relève pas de la traite. Il est utile de "
                            "raisonner en continuum : à une extrémité, le travail décent ; puis les infractions "
                            "au droit du travail, comme les heures supplémentaires non payées, les salaires inférieurs au "
                            "minimum légal ou des conditions dangereuses ; puis l'exploitation grave ; et à l'autre "
                            "extrémité, le travail forcé, la servitude et la traite. La convention de l'Organisation "
                            "internationale du Travail sur le travail forcé de 1930 (n° 29) le définit comme un travail ou "
                            "service exigé d'une personne sous la menace d'une peine quelconque et pour lequel elle ne "
                            "s'est pas offerte de plein gré. La peine peut prendre la forme de violences, de menaces contre "
                            "des proches, de salaires retenus ou de documents confisqués.</p>"
                            "<p>Les inspecteurs du travail sont souvent les premiers témoins de cette zone grise. Les "
                            "réponses diffèrent : les infractions au droit du travail appellent une inspection, des mises "
                            "en demeure de payer les arriérés de salaire et des sanctions administratives, tandis que la "
                            "traite appelle une enquête pénale et la protection de la victime.</p>"
                        )),
                        ("case_study", {
                            "title": "La route « fermée »",
                            "scenario": (
                                "<p>À Ouagadougou, la police fouille une maison après une plainte d'un voisin pour tapage "
                                "et y trouve douze jeunes hommes qui dorment à même le sol. L'un d'eux, Moussa, 24 ans, "
                                "explique qu'il a payé 150 000 francs CFA à Niamey à un homme qui promettait de conduire le "
                                "groupe en Afrique du Nord. À l'arrivée à Ouagadougou, cet homme leur a dit que la route "
                                "était fermée, qu'ils lui devaient désormais la nourriture et le logement, et qu'ils "
                                "seraient conduits la semaine suivante sur un site d'orpaillage pour rembourser la dette. "
                                "Leurs téléphones ont été ramassés « pour leur sécurité ». Moussa affirme que personne "
                                "n'est enfermé, mais il n'a pas d'argent et ne connaît personne en ville.</p>"
                            ),
                            "question": "Trafic illicite, traite, les deux ou ni l'un ni l'autre ? Que vous faudrait-il savoir de plus, et que feriez-vous maintenant ?",
                            "discussion": (
                                "<p>L'arrangement a commencé comme un trafic illicite. La situation actuelle présente "
                                "plusieurs indicateurs de traite : une dette imposée par le recruteur, des téléphones "
                                "confisqués, l'isolement, et le projet d'envoyer les hommes "
                                "travailler pour la rembourser. Héberger des personnes aux fins de travail forcé, par "
                                "la tromperie et l'abus de leur vulnérabilité, réunirait les trois éléments de la "
                                "définition, même si le travail n'a pas encore commencé.</p>"
                                "<p>Il faudrait savoir si les hommes sont menacés, qui détient leurs pièces d'identité et si "
                                "certains ont moins de 18 ans. En attendant, traitez-les comme des victimes présumées, "
                                "orientez-les vers le mécanisme national de référence et évitez l'arrestation ou "
                                "l'éloignement, qui supprimeraient toute possibilité de les protéger et d'enquêter sur le "
                                "recruteur.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Le trafic illicite de migrants est consenti, prend fin à l'arrivée et porte atteinte à l'État ; la traite vise l'exploitation et porte atteinte à la personne.",
                                "Un arrangement de trafic illicite peut se transformer en traite à tout moment du voyage ou après l'arrivée.",
                                "Infractions au droit du travail, exploitation grave et travail forcé forment un continuum ; tout abus n'est pas une traite, mais tout travailleur conserve ses droits.",
                                "Évaluez la situation actuelle de la personne et réexaminez cette évaluation lorsque de nouvelles informations apparaissent.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "recognising-the-signs",
            "title": "Reconnaître les signes",
            "summary": "Utiliser les indicateurs à bon escient et mener un premier entretien qui protège la personne.",
            "lessons": [
                {
                    "slug": "indicators-of-trafficking",
                    "title": "Les indicateurs de traite",
                    "summary": "Les signes généraux et propres à chaque secteur qui doivent conduire à poser d'autres questions, et les limites de toute liste.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>À quoi servent les indicateurs</h2>"
                            "<p>Les victimes se présentent rarement comme des victimes. Beaucoup ne connaissent pas le "
                            "mot, craignent davantage les autorités que leurs exploiteurs, ont appris ce qu'elles doivent "
                            "dire, ou éprouvent de la loyauté ou de la honte envers ceux qui les contrôlent. Les "
                            "indicateurs sont les signes observables qui aident un agent à décider qu'une situation mérite "
                            "un examen plus attentif. Ils justifient de poser des questions et d'orienter la personne ; "
                            "ils ne prouvent pas qu'une infraction a été commise.</p>"
                            "<h2>Indicateurs généraux</h2>"
                            "<p>Certains signes apparaissent quelle que soit la forme d'exploitation. La personne :</p>"
                            "<ul>"
                            "<li>ne détient pas elle-même ses documents d'identité ou de voyage, ou quelqu'un d'autre les garde ;</li>"
                            "<li>doit à un recruteur, un employeur ou un « parrain » une dette qui ne cesse d'augmenter ou ne peut être remboursée ;</li>"
                            "<li>ne peut pas se déplacer librement, est accompagnée en permanence, ou n'est pas autorisée à vous parler seule ;</li>"
                            "<li>présente des signes de violence, de malnutrition, d'épuisement ou de maladie non soignée ;</li>"
                            "<li>semble avoir peur, donne des réponses qui paraissent apprises, ou raconte une histoire qui change ou ne correspond pas aux faits ;</li>"
                            "<li>ne connaît pas sa propre adresse ni le nom de la ville où elle travaille ;</li>"
                            "<li>n'a reçu aucun salaire, ou remet tous ses gains à quelqu'un d'autre ;</li>"
                            "<li>a été recrutée avec des promesses qui se sont révélées fausses.</li>"
                            "</ul>"
                            "<p>L'Organisation internationale du Travail regroupe les signes du travail forcé en onze "
                            "indicateurs : abus de vulnérabilité, tromperie, restriction des déplacements, isolement, "
                            "violences physiques et sexuelles, intimidation et menaces, rétention des documents "
                            "d'identité, retenue des salaires, servitude pour dettes, conditions de travail et de vie "
                            "abusives, et heures supplémentaires excessives.</p>"
                        )),
                        ("text", (
                            "<h2>Signes liés à certaines formes d'exploitation</h2>"
                            "<h3>Exploitation par le travail</h3>"
                            "<p>Les travailleurs vivent sur le lieu de travail, qu'il s'agisse d'une plantation, d'un "
                            "bateau de pêche, d'une carrière ou d'un site d'orpaillage ; ils n'ont pas de contrat ou un "
                            "contrat différent de ce qui avait été promis ; les retenues pour le transport, la nourriture "
                            "et les outils absorbent leur salaire ; ils n'ont pas d'équipement de protection ; ils sont "
                            "conduits au travail et ramenés en groupe.</p>"
                            "<h3>Servitude domestique</h3>"
                            "<p>Une fille ou une femme vit chez la famille qui l'emploie mais ne mange pas avec elle, dort "
                            "dans la cuisine ou un couloir, travaille de l'aube jusque tard dans la nuit, ne sort jamais "
                            "seule de la maison et ne va pas à l'école. Le peu de salaire éventuel est versé à un parent "
                            "ou à un intermédiaire.</p>"
                            "<h3>Exploitation sexuelle</h3>"
                            "<p>La personne est souvent déplacée d'une ville ou d'un établissement à l'autre, est "
                            "contrôlée par quelqu'un qui parle à sa place, doit rapporter une somme quotidienne, ou est "
                            "liée par une dette ou par un serment ou un rituel qu'elle craint de rompre.</p>"
                            "<h3>Mendicité forcée et criminalité forcée</h3>"
                            "<p>Des enfants ou des adultes handicapés mendient en groupe aux carrefours et sur les "
                            "marchés, remettent leurs gains à un adulte et sont punis s'ils rapportent moins qu'un quota "
                            "fixé. D'autres sont contraints de vendre de la drogue, de voler ou de faire passer des "
                            "marchandises aux frontières.</p>"
                            "<h3>Enfants en déplacement</h3>"
                            "<p>Un enfant voyage avec un adulte qui n'est pas son parent et qui ne peut pas donner de "
                            "détails sur lui ; le récit de l'enfant a été préparé ; l'enfant travaille au lieu d'aller à "
                            "l'école ou effectue un travail dangereux pour son âge.</p>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Un processus, pas une liste de contrôle",
                            "text": (
                                "<p>Aucun indicateur ne prouve à lui seul la traite, et l'absence d'un signe particulier ne "
                                "l'exclut pas. Examinez la combinaison des signes, leur gravité et la situation d'ensemble "
                                "de la personne. Consignez ce que vous avez observé en termes factuels, par exemple "
                                "« passeport détenu par l'employeur », plutôt que votre conclusion.</p>"
                            ),
                        }),
                        ("glossary_term", "indicators-of-trafficking"),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Les indicateurs montrent quand poser d'autres questions et quand orienter ; ils ne prouvent pas une infraction.",
                                "Le contrôle des documents, la dette, la restriction des déplacements, les signes de violence et les récits appris sont des signaux d'alerte généraux.",
                                "Chaque forme d'exploitation a ses signes caractéristiques ; apprenez ceux qui concernent le plus votre lieu de travail.",
                                "Appréciez la combinaison des indicateurs et consignez des faits, non des conclusions.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "the-first-conversation",
                    "title": "Le premier entretien",
                    "summary": "Comment parler en toute sécurité avec une victime présumée : cadre, interprète, questions et erreurs à éviter.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>La sécurité et les besoins urgents d'abord</h2>"
                            "<p>Le premier contact avec un agent peut décider si une victime accepte de l'aide ou "
                            "disparaît. Avant toute question sur le voyage, vérifiez si la personne a besoin de soins "
                            "médicaux, de nourriture, d'eau ou de repos, et si l'une des personnes présentes pourrait "
                            "la contrôler. Si un adulte qui l'accompagne insiste pour répondre à sa place, trouvez un "
                            "motif neutre pour parler séparément avec chacun.</p>"
                            "<h2>Préparer l'entretien</h2>"
                            "<ul>"
                            "<li><b>Le lieu.</b> Choisissez un espace à l'abri des oreilles indiscrètes, et non un guichet "
                            "dans un hall bondé. Laissez la porte visible et évitez une pièce qui ressemble à une "
                            "cellule.</li>"
                            "<li><b>L'interprète.</b> Faites appel à un interprète formé, sans lien avec la communauté de "
                            "la personne ni avec ceux qui l'accompagnent. N'utilisez jamais comme interprète un compagnon "
                            "de voyage, un employeur ou un enfant. Demandez à la personne si elle préfère un homme ou une "
                            "femme, pour l'agent comme pour l'interprète.</li>"
                            "<li><b>La présentation.</b> Dites qui vous êtes, pourquoi vous lui parlez, ce que deviendront "
                            "les informations et quelles sont les limites de la confidentialité. Précisez qu'elle peut "
                            "s'arrêter ou demander une pause.</li>"
                            "</ul>"
                            "<h2>Poser les questions</h2>"
                            "<p>Commencez par des questions ouvertes et neutres et laissez la personne parler : « Pouvez-vous "
                            "me parler de votre travail ? », « Où dormez-vous ? », « Pouvez-vous partir quand vous le "
                            "voulez ? », « Qui garde votre passeport ? », « Devez-vous de l'argent à quelqu'un ? », "
                            "« Quelqu'un vous a-t-il menacé, vous ou votre famille ? ». Évitez les questions orientées qui "
                            "suggèrent une réponse, et les questions commençant par « pourquoi », qui sonnent comme un "
                            "reproche. Vous n'avez pas besoin de toute l'histoire à ce stade : il vous faut seulement de "
                            "quoi décider s'il faut orienter la personne.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "L'incohérence n'est pas un signe de mensonge",
                            "text": (
                                "<p>Le traumatisme affecte la mémoire. Les victimes peuvent oublier des dates, confondre "
                                "l'ordre des événements, taire ce qui leur fait honte, ou répéter l'histoire apprise de leur "
                                "trafiquant avant de dire la vérité plus tard. Ne considérez pas les lacunes ou les "
                                "contradictions comme la preuve qu'une personne n'est pas crédible.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Ce qu'il ne faut pas faire</h2>"
                            "<ul>"
                            "<li>Ne promettez pas un titre de séjour, de l'argent, un emploi ou un retour rapide au pays "
                            "si vous n'êtes pas certain que cela se fera.</li>"
                            "<li>Ne demandez pas à la personne de répéter le même récit à plusieurs agents ; chaque "
                            "répétition est un fardeau et un risque de nouveau traumatisme.</li>"
                            "<li>Ne prenez pas de photos et ne copiez pas de documents sans expliquer pourquoi et consigner "
                            "l'accord de la personne, sauf si la loi l'exige.</li>"
                            "<li>Ne contactez pas la famille, l'employeur ou l'ambassade avant d'avoir vérifié que c'est "
                            "sans danger et souhaité.</li>"
                            "</ul>"
                            "<p>Si la personne a ou pourrait avoir moins de 18 ans, interrompez l'entretien dès que sa "
                            "sécurité immédiate est assurée et faites appel aux services de protection de l'enfance. Tant "
                            "que l'âge n'est pas établi, traitez la personne comme un enfant.</p>"
                        )),
                        ("case_study", {
                            "title": "Quatre filles à la gare routière",
                            "scenario": (
                                "<p>À la gare routière de Niamey, un agent de la police des frontières contrôle un groupe qui "
                                "monte dans le car pour Ouagadougou et Abidjan. Un homme d'une quarantaine d'années voyage "
                                "avec quatre filles qui semblent avoir entre 14 et 17 ans. Il détient toutes leurs cartes "
                                "d'identité et dit qu'il s'agit de ses nièces, qui vont apprendre la coiffure chez sa sœur à "
                                "Abidjan. Quand l'agent demande à l'une des filles le nom de sa tante, elle regarde l'homme "
                                "avant de répondre. Les réponses des quatre filles sont presque identiques.</p>"
                            ),
                            "question": "Quels indicateurs relevez-vous ? Comment organiseriez-vous l'heure qui suit pour que les filles soient en sécurité et que vous obteniez les informations nécessaires ?",
                            "discussion": (
                                "<p>Parmi les indicateurs : l'adulte qui détient tous les documents, des réponses apprises "
                                "et identiques, la fille qui consulte l'homme du regard avant de parler, et une offre "
                                "d'emploi vague loin du domicile. Comme les filles semblent être des enfants, l'élément "
                                "« moyens » n'est pas requis : si elles sont déplacées aux fins d'exploitation, il s'agit de "
                                "traite, quel que soit ce qu'elles ou leurs familles ont accepté.</p>"
                                "<p>Séparez les filles de l'homme sous un motif neutre, comme un contrôle de documents de "
                                "routine, et appelez le point focal chargé de la protection de l'enfance. Parlez à chaque "
                                "fille dans un espace privé, si possible avec une agente et un interprète adapté. Vérifiez "
                                "les déclarations de l'homme sur la famille sans l'alerter. Ne laissez pas le car partir "
                                "avec les filles pendant ces vérifications, et consignez précisément ce que vous avez "
                                "observé.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Occupez-vous de la sécurité et des besoins urgents avant de poser des questions sur le voyage.",
                                "Parlez en privé, séparez la personne de ceux qui pourraient la contrôler et faites appel à un interprète formé et indépendant.",
                                "Posez des questions ouvertes, acceptez les lacunes et les incohérences, et ne recueillez que ce qui est nécessaire pour décider d'une orientation.",
                                "Ne promettez jamais ce que vous ne pouvez pas tenir, et évitez les entretiens répétés.",
                                "Si la personne pourrait être un enfant, traitez-la comme un enfant et faites intervenir les services de protection de l'enfance.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "referral-and-assistance",
            "title": "Orientation et assistance",
            "summary": "Le fonctionnement d'un mécanisme national de référence et les conditions d'une aide au retour volontaire et à la réintégration sans danger.",
            "lessons": [
                {
                    "slug": "national-referral-mechanisms",
                    "title": "Le fonctionnement d'un mécanisme national de référence",
                    "summary": "Les acteurs, les étapes et les règles d'un mécanisme national de référence, de la première identification au soutien à long terme.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>Aucun service ne peut agir seul</h2>"
                            "<p>Identifier une victime n'a de sens que si quelque chose se passe ensuite. Un mécanisme "
                            "national de référence est le cadre dans lequel les institutions de l'État et les "
                            "organisations de la société civile conviennent de qui identifie les victimes, qui fournit "
                            "quel service, comment les informations circulent entre eux et comment les droits de la "
                            "victime sont protégés tout au long du parcours. Dans de nombreux pays, il repose sur une loi "
                            "ou un décret, un organe national de coordination tel qu'un comité ou une agence de lutte "
                            "contre la traite, des procédures opérationnelles standard et des protocoles d'accord avec "
                            "les centres d'hébergement, les services de santé, les avocats et les organisations qui "
                            "accompagnent le retour.</p>"
                            "<h2>Les étapes de l'orientation</h2>"
                            "<ol>"
                            "<li><b>Détection et premier contact.</b> Tout agent ou prestataire qui relève des "
                            "indicateurs assure la sécurité immédiate de la personne et contacte le point focal désigné "
                            "par les procédures.</li>"
                            "<li><b>Pré-identification et identification.</b> Un agent formé recueille suffisamment "
                            "d'informations pour déterminer s'il existe des motifs raisonnables de croire que la personne "
                            "est victime. Dans certains pays, une autorité désignée confirme ensuite formellement ce "
                            "statut. L'assistance doit commencer dès qu'il existe des motifs raisonnables ; elle ne doit "
                            "attendre ni l'identification formelle ni la fin d'une procédure pénale.</li>"
                            "<li><b>Assistance immédiate.</b> Hébergement sûr, soins médicaux, soutien psychologique, "
                            "interprétation, information sur les droits dans une langue que la personne comprend, et "
                            "conseil juridique.</li>"
                            "<li><b>Rétablissement et réflexion.</b> Un délai pour se rétablir et décider, sans pression, "
                            "de coopérer ou non avec les autorités. La Convention du Conseil de l'Europe fixe un minimum "
                            "de 30 jours, et de nombreuses procédures nationales ailleurs prévoient un délai "
                            "comparable.</li>"
                            "<li><b>Soutien à plus long terme.</b> Régularisation du séjour si nécessaire, scolarité ou "
                            "formation professionnelle, aide à l'emploi, accompagnement pendant les procédures "
                            "judiciaires et, si la victime le souhaite, demandes d'indemnisation.</li>"
                            "<li><b>Solution durable.</b> Intégration dans le pays où se trouve la personne, retour et "
                            "réintégration en toute sécurité dans le pays ou la région d'origine ou, plus rarement, "
                            "réinstallation dans un pays tiers.</li>"
                            "</ol>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "L'assistance n'est pas la contrepartie d'un témoignage",
                            "text": (
                                "<p>Le soutien aux victimes ne doit pas dépendre de leur volonté de témoigner ou de "
                                "coopérer avec une enquête. La Convention du Conseil de l'Europe sur la lutte contre la "
                                "traite des êtres humains (2005) et la directive 2011/36/UE le prévoient expressément, et les "
                                "orientations internationales recommandent la même règle partout. Une victime qui se sent en "
                                "sécurité et soutenue est d'ailleurs bien plus encline à témoigner.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Consentement et information</h2>"
                            "<p>Une victime adulte est orientée avec son accord éclairé. Expliquez-lui quelle organisation "
                            "recevra ses informations, ce que cette organisation fera, et ce qui se passera si elle refuse. "
                            "Ne transmettez que les informations dont le service destinataire a besoin. Lorsqu'une vie est "
                            "en danger immédiat, vous pouvez agir sans consentement, mais consignez-en la raison. Pour un "
                            "enfant, l'orientation vers la protection de l'enfance a lieu dans tous les cas, et l'opinion "
                            "de l'enfant est entendue et prise en compte.</p>"
                            "<p>Les cas ne se limitent pas toujours à un seul pays. Lorsqu'une victime est identifiée en "
                            "Côte d'Ivoire et vient du Burkina Faso, les deux mécanismes nationaux doivent travailler "
                            "ensemble pour évaluer les risques, rechercher la famille lorsque c'est approprié et préparer "
                            "le retour ou le séjour de la personne. Cette coopération transfrontalière est souvent appelée "
                            "mécanisme transnational de référence.</p>"
                        )),
                        ("case_study", {
                            "title": "Une domestique à Abidjan",
                            "scenario": (
                                "<p>Lors d'un contrôle déclenché par une plainte, un inspecteur du travail se rend dans un "
                                "foyer à Abidjan et s'entretient avec Fatou, qui dit avoir 19 ans et être arrivée d'un "
                                "village du Mali il y a trois ans. Elle travaille tous les jours de 5 heures à minuit, n'a "
                                "jamais été payée parce que son salaire est « envoyé à son oncle », et n'est jamais sortie "
                                "seule de la maison depuis son arrivée. L'employeuse affirme qu'elle « fait partie de la "
                                "famille ». Fatou a peur et demande à l'inspecteur de ne répéter à personne ce qu'elle a "
                                "dit.</p>"
                            ),
                            "question": "Que doit faire l'inspecteur ensuite, et comment traiter la demande de confidentialité de Fatou ?",
                            "discussion": (
                                "<p>Le travail non rémunéré, les horaires excessifs, la restriction des déplacements et le "
                                "salaire versé à un tiers sont de forts indicateurs de servitude domestique. L'inspecteur "
                                "doit s'assurer que Fatou est en sécurité aujourd'hui, lui expliquer simplement quelle aide "
                                "existe et contacter le point focal du mécanisme national de référence. La peur de Fatou doit "
                                "être prise au sérieux : l'inspecteur doit lui expliquer qui a besoin de savoir quoi, et "
                                "pourquoi, et ne transmettre que ce dont le service destinataire a besoin. Si Fatou refuse de "
                                "partir, l'inspecteur peut tout de même lui laisser des contacts et prévoir une visite de "
                                "suivi. En cas de doute sur son âge, elle doit être traitée comme une enfant et les services "
                                "de protection de l'enfance doivent être saisis.</p>"
                            ),
                        }),
                        ("glossary_term", "national-referral-mechanism"),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Un mécanisme national de référence précise qui identifie, qui assiste et comment les informations circulent entre les services.",
                                "L'assistance commence dès qu'il existe des motifs raisonnables de croire qu'une personne est victime, et non à la fin d'un procès.",
                                "Le soutien ne doit jamais dépendre de la coopération avec la police ou le parquet.",
                                "Orientez les adultes avec leur accord éclairé et ne transmettez que ce dont le service destinataire a besoin ; orientez toujours les enfants vers la protection de l'enfance.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "return-and-reintegration",
                    "title": "Retour et réintégration en toute sécurité",
                    "summary": "Quand et comment l'aide au retour volontaire et à la réintégration peut aider les victimes, et les garanties qui doivent primer.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Le retour est une option, pas la règle</h2>"
                            "<p>Beaucoup de victimes de traite identifiées à l'étranger souhaitent rentrer chez elles. Pour "
                            "elles, l'aide au retour volontaire et à la réintégration offre un voyage organisé, un accueil "
                            "à l'arrivée et une aide pour reconstruire des moyens de subsistance. Mais le retour n'est "
                            "qu'une issue possible parmi d'autres. Certaines victimes ne peuvent pas rentrer sans danger "
                            "parce que les trafiquants appartiennent à leur propre communauté, parce que leur famille a "
                            "été impliquée, ou parce qu'elles s'exposeraient à la stigmatisation ou à des représailles. Le "
                            "Protocole de Palerme demande aux États qui organisent le retour d'une victime de tenir dûment "
                            "compte de sa sécurité et de l'état de toute procédure judiciaire, et précise que le retour "
                            "doit de préférence être volontaire.</p>"
                            "<h2>Ce qui rend un retour volontaire</h2>"
                            "<p>Le caractère volontaire comporte deux aspects. La personne doit choisir librement, sans "
                            "pression physique ou psychologique, et en connaissance de cause, avec des informations exactes "
                            "sur la situation dans son pays, l'aide disponible et les autres options, comme rester, "
                            "demander un titre de séjour ou l'asile, ou réclamer une indemnisation. Un choix entre le "
                            "retour et une détention sans fin n'est pas un choix libre.</p>"
                        )),
                        ("text", (
                            "<h2>Préparer un retour sûr</h2>"
                            "<ul>"
                            "<li><b>Évaluation des risques.</b> Avant le départ, évaluez le risque de représailles, de "
                            "nouvelle traite ou de rejet, avec l'appui des services du pays d'origine. Si les risques ne "
                            "peuvent pas être réduits, le retour ne doit pas avoir lieu.</li>"
                            "<li><b>Plan de réintégration.</b> Préparez-le avec la personne : logement, suivi médical et "
                            "psychologique, scolarité ou formation professionnelle, et appui à une activité génératrice de "
                            "revenus. Un bon plan agit à trois niveaux : la personne, la communauté qui l'accueille et les "
                            "services locaux qui prendront le relais.</li>"
                            "<li><b>Procédures judiciaires.</b> Veillez à ce que le départ de la victime ne mette pas fin à "
                            "son accès à la justice. Elle peut devoir témoigner depuis l'étranger ou réclamer plus tard "
                            "une indemnisation.</li>"
                            "<li><b>Confidentialité.</b> Ne transmettez aux autorités du pays d'origine que les informations "
                            "nécessaires pour organiser le voyage et l'accompagnement, et seulement avec l'accord de la "
                            "personne. Les détails de l'exploitation ne doivent pas parvenir à des personnes susceptibles "
                            "de les transmettre aux trafiquants.</li>"
                            "<li><b>Suivi.</b> Convenez de qui restera en contact avec la personne après le retour, et "
                            "pendant combien de temps.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Un enfant ne rentre que si c'est dans son intérêt supérieur",
                            "text": (
                                "<p>Un enfant victime n'est renvoyé dans son pays qu'après qu'une détermination de l'intérêt "
                                "supérieur a conclu que le retour est la bonne solution, et après que la famille ou une "
                                "autre personne qui prendra soin de lui dans le pays d'origine a été jugée sûre et capable "
                                "de s'en occuper. L'enfant est accompagné et remis à des services de protection de l'enfance "
                                "identifiés, et non simplement mis dans un car.</p>"
                            ),
                        }),
                        ("glossary_term", "avrr"),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "L'aide au retour volontaire et à la réintégration est une option parmi d'autres ; elle ne doit jamais servir à éloigner des victimes avant que leurs droits soient garantis.",
                                "Le retour n'est volontaire que si le choix est à la fois libre et éclairé, les autres options réelles ayant été expliquées.",
                                "Évaluez les risques avant le départ, préparez un plan de réintégration avec la personne et préservez son accès à la justice.",
                                "Un enfant ne rentre qu'après une détermination de l'intérêt supérieur et une évaluation favorable de sa famille ou de la personne qui prendra soin de lui.",
                            ],
                        }),
                    ],
                },
            ],
        },
    ],
}


COLLECTING_AND_PROTECTING_DATA = {
    "slug": "collecting-and-protecting-personal-data",
    "title": "Collecter et protéger les données à caractère personnel",
    "summary": (
        "Agents publics et travailleurs sociaux recueillent chaque jour des informations sensibles sur des migrants et "
        "des victimes de traite. Cette formation présente les principes de la protection des données, les limites du "
        "consentement pour les personnes en situation de vulnérabilité, et les règles pratiques pour garantir la "
        "confidentialité et la sécurité des données, les partager sans danger, respecter les droits des personnes et "
        "gérer les violations."
    ),
    "description": (
        "<p>Un nom sur une liste, une photo dans un groupe de messagerie ou un dossier envoyé au mauvais service "
        "peuvent mettre une vie en danger. Des victimes de traite peuvent être retrouvées par leurs exploiteurs ; des "
        "demandeurs d'asile peuvent être exposés aux autorités qu'ils ont fuies ; des enfants peuvent être marqués à "
        "vie par des informations qui n'auraient jamais dû sortir d'un dossier. La protection des données n'est donc "
        "pas une formalité administrative : elle fait partie de la protection elle-même.</p>"
        "<p>Le premier module explique pourquoi la protection des données est importante, présente les principes "
        "fondamentaux communs à presque tous les systèmes juridiques, et montre comment obtenir un consentement "
        "éclairé tout en reconnaissant ses limites. Le second module porte sur la pratique : confidentialité et "
        "sécurité au bureau et sur le terrain, partage des données avec d'autres services et d'autres pays, droits "
        "des personnes concernées, durées de conservation et conduite à tenir en cas d'incident.</p>"
        "<p>La formation se réfère aux instruments de la CEDEAO et de l'Union africaine et aux lois nationales de "
        "protection des données en Afrique de l'Ouest, ainsi qu'aux normes internationales que les partenaires et "
        "bailleurs appliquent souvent. Tous les cas sont fictifs.</p>"
    ),
    "audiences": ["border-police", "police", "labour-inspection", "social-services", "ngo", "government"],
    "topics": ["data-protection"],
    "outcomes": [
        "Expliquer ce que sont les données à caractère personnel et les données sensibles, qui est le responsable du traitement, et pourquoi la protection des données fait partie de la protection des migrants et des victimes.",
        "Appliquer à un formulaire de collecte les principes de licéité et de loyauté, de finalité déterminée, de minimisation, de qualité des données et de conservation limitée.",
        "Recueillir un consentement éclairé lorsqu'il constitue la base appropriée, et reconnaître les situations dans lesquelles il ne peut pas être donné librement.",
        "Garantir la confidentialité et la sécurité des données, et ne les partager avec d'autres services ou d'autres pays que sur une base juridique et avec des garanties suffisantes.",
        "Répondre aux demandes des personnes concernées et aux violations de données dans le respect de leurs droits et du principe « ne pas nuire ».",
    ],
    "hours": 2.5,
    "prerequisites": "Aucun.",
    "modules": [
        {
            "slug": "principles-of-data-protection",
            "title": "Les principes de la protection des données",
            "summary": "Pourquoi la protection des données est importante, les principes fondamentaux et la place du consentement.",
            "lessons": [
                {
                    "slug": "why-data-protection-matters",
                    "title": "Pourquoi la protection des données est essentielle dans la protection des migrants",
                    "summary": "Les risques liés aux informations sur les migrants et les victimes, les notions clés et les cadres juridiques applicables.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>L'information peut nuire</h2>"
                            "<p>En une seule matinée, un agent des frontières, un enquêteur ou un travailleur social dans "
                            "un centre d'hébergement peut consigner le nom d'une personne, sa nationalité, sa photo et ses "
                            "empreintes digitales, son état de santé, l'itinéraire qu'elle a suivi, les personnes qui l'ont "
                            "exploitée et l'adresse de sa famille. Chacune de ces informations aide à la protéger. Entre de "
                            "mauvaises mains, chacune peut lui nuire :</p>"
                            "<ul>"
                            "<li>des trafiquants qui apprennent où séjourne une victime, ou où vit sa famille, peuvent les "
                            "menacer ou les punir ;</li>"
                            "<li>les autorités du pays qu'un demandeur d'asile a fui peuvent s'en prendre à lui ou à ses "
                            "proches ;</li>"
                            "<li>une communauté qui apprend une exploitation sexuelle, une séropositivité ou une orientation "
                            "sexuelle peut rejeter ou agresser la personne ;</li>"
                            "<li>des informations données pour obtenir de l'aide peuvent être utilisées contre la personne, "
                            "par exemple pour l'arrêter ou l'éloigner ;</li>"
                            "<li>des informations sur un enfant peuvent le poursuivre pendant des années.</li>"
                            "</ul>"
                            "<p>La règle directrice est de <b>ne pas nuire</b> : avant de collecter, d'utiliser ou de "
                            "partager une information, demandez-vous comment elle pourrait nuire à la personne et ce que "
                            "vous ferez pour l'éviter.</p>"
                        )),
                        ("text", (
                            "<h2>Notions clés</h2>"
                            "<ul>"
                            "<li>Les <b>données à caractère personnel</b> sont toutes les informations se rapportant à une "
                            "personne vivante identifiée ou identifiable, la <b>personne concernée</b>. Un numéro de dossier "
                            "associé à un nom, une photo ou un enregistrement de la voix sont des données personnelles.</li>"
                            "<li>Les <b>données sensibles</b> sont des données personnelles dont la divulgation risque "
                            "particulièrement de causer un préjudice ou une discrimination : santé, origine ethnique, "
                            "religion, opinions politiques, vie ou orientation sexuelle, données biométriques comme les "
                            "empreintes digitales, et antécédents judiciaires. Dans le travail sur les migrations, le fait "
                            "qu'une personne soit victime de traite ou demandeuse d'asile, ainsi que le lieu où elle se "
                            "trouve, doivent être considérés comme tout aussi sensibles.</li>"
                            "<li>Le <b>traitement</b> désigne toute opération portant sur des données personnelles : "
                            "collecte, enregistrement, conservation, consultation, utilisation, communication, publication "
                            "ou destruction.</li>"
                            "<li>Le <b>responsable du traitement</b> est l'organisation qui détermine pourquoi et comment "
                            "les données personnelles sont traitées, et qui répond du respect des règles. Un "
                            "<b>sous-traitant</b> traite les données pour le compte du responsable, par exemple une société "
                            "informatique qui héberge une base de données.</li>"
                            "</ul>"
                            "<h2>Le cadre juridique</h2>"
                            "<p>La plupart des États d'Afrique de l'Ouest disposent d'une loi sur la protection des données "
                            "contrôlée par une autorité indépendante, par exemple la loi sénégalaise de 2008 et la "
                            "Commission de protection des données personnelles (CDP), ou la loi ivoirienne de 2013, dont "
                            "l'application est contrôlée par l'ARTCI, l'autorité de régulation des télécommunications ; le "
                            "Burkina Faso et le Niger disposent de lois et d'autorités comparables. Au niveau régional, "
                            "l'Acte additionnel de la CEDEAO relatif à la protection des données à caractère personnel "
                            "(2010) fixe des règles communes aux États membres, et la Convention de l'Union africaine sur "
                            "la cybersécurité et la protection des données à caractère personnel, adoptée à Malabo en "
                            "2014, est entrée en vigueur en 2023. La Convention 108 du Conseil de l'Europe, modernisée en "
                            "2018, est ouverte aux États du monde entier, et les partenaires établis dans l'Union "
                            "européenne appliquent son Règlement général sur la protection des données (RGPD). Les "
                            "organisations internationales appliquent leurs propres politiques de protection des données, "
                            "fondées sur les mêmes principes.</p>"
                        )),
                        ("glossary_term", "personal-data"),
                        ("glossary_term", "data-controller"),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Des informations recueillies pour protéger des personnes peuvent servir à leur nuire ; « ne pas nuire » est la règle directrice.",
                                "Les données personnelles sont toutes les informations relatives à une personne identifiée ou identifiable ; certaines catégories sont particulièrement sensibles.",
                                "Le statut de victime de traite ou de demandeur d'asile, ainsi que le lieu où se trouve une personne, doivent être traités comme des informations sensibles.",
                                "Le responsable du traitement détermine pourquoi et comment les données sont traitées et en répond.",
                                "Les lois nationales, l'Acte additionnel de la CEDEAO de 2010 et la Convention de Malabo de l'Union africaine fixent les règles en Afrique de l'Ouest.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "core-principles",
                    "title": "Les principes fondamentaux",
                    "summary": "Licéité et loyauté, finalité, minimisation, qualité, conservation et responsabilité, appliquées aux formulaires du quotidien.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<p>Les lois sur la protection des données diffèrent dans le détail, mais elles reposent sur un "
                            "socle commun de principes. Maîtrisez-les : ils vous aideront à répondre aux questions "
                            "qu'aucune procédure n'a prévues.</p>"
                            "<h2>1. Un traitement licite et loyal</h2>"
                            "<p>Tout traitement doit reposer sur une base juridique : une obligation légale, une mission "
                            "d'intérêt public, les intérêts vitaux de la personne ou son consentement. La loyauté signifie "
                            "que la personne n'est pas trompée : elle sait qui recueille ses données, pourquoi, et ce "
                            "qu'elles deviendront.</p>"
                            "<h2>2. Une finalité déterminée et légitime</h2>"
                            "<p>Les données sont recueillies pour des finalités définies à l'avance et ne doivent pas être "
                            "utilisées ensuite pour une finalité incompatible. Des informations recueillies pour héberger "
                            "et soigner une victime de traite ne doivent pas être transmises à un service d'immigration "
                            "pour organiser son éloignement. Ce glissement progressif d'un usage à un autre est parfois "
                            "appelé « détournement de finalité ».</p>"
                            "<h2>3. La minimisation des données</h2>"
                            "<p>Ne recueillez que ce qui est adéquat, pertinent et nécessaire à la finalité. Un formulaire "
                            "d'enregistrement dans un centre d'hébergement n'a pas besoin de l'ethnie, de la religion ou "
                            "du nom de chaque village traversé. « Cela pourrait servir un jour » n'est pas une raison de "
                            "collecter.</p>"
                            "<h2>4. La qualité des données</h2>"
                            "<p>Les données doivent être exactes et tenues à jour. Des noms transcrits de plusieurs "
                            "façons, des dates de naissance inventées ou un enfant enregistré comme adulte peuvent "
                            "conduire à de mauvaises décisions, à des liens familiaux perdus ou à un refus de protection. "
                            "Notez l'orthographe qu'utilise la personne, indiquez lorsqu'une date est estimée, et corrigez "
                            "rapidement les erreurs.</p>"
                            "<h2>5. Une conservation limitée</h2>"
                            "<p>Les données ne sont conservées que le temps nécessaire à la finalité, selon un calendrier "
                            "de conservation. Elles sont ensuite détruites de manière sûre ou anonymisées, afin de pouvoir "
                            "encore servir aux statistiques sans identifier personne.</p>"
                            "<h2>6. Confidentialité et sécurité</h2>"
                            "<p>Les données sont protégées contre l'accès non autorisé, la perte et la divulgation. Ce "
                            "point fait l'objet d'une leçon ultérieure.</p>"
                            "<h2>7. Responsabilité</h2>"
                            "<p>Le responsable du traitement doit être en mesure de démontrer qu'il respecte ces "
                            "principes : un registre des activités de traitement, une personne chargée de la protection "
                            "des données, un personnel formé, des procédures écrites, et une analyse des risques avant "
                            "la mise en place d'un nouveau système, comme une base de données biométriques.</p>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Trois questions pour chaque champ d'un formulaire",
                            "text": (
                                "<p>Pourquoi avons-nous besoin de cette information ? Qui l'utilisera, et pour quelle "
                                "décision ? Combien de temps la conserverons-nous ? Si personne ne peut répondre, "
                                "supprimez le champ.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "Un nouveau formulaire de pré-identification à la frontière",
                            "scenario": (
                                "<p>Un groupe de travail propose un nouveau formulaire pour le filtrage des migrants à un "
                                "poste frontière entre le Sénégal et le Mali. Il demande le nom complet, la date de "
                                "naissance, la nationalité, l'ethnie, la religion, le statut sérologique VIH, les noms et "
                                "numéros de téléphone de tous les membres de la famille restés au pays, le nom de la "
                                "personne qui a organisé le voyage, une photo et les empreintes des dix doigts. Les "
                                "formulaires remplis seraient envoyés à toutes les institutions du mécanisme national de "
                                "référence et conservés « définitivement ».</p>"
                            ),
                            "question": "Quels principes ce formulaire enfreint-il, et comment le réviseriez-vous ?",
                            "discussion": (
                                "<p>La finalité n'est pas définie : le repérage des besoins de protection est une chose, "
                                "une enquête pénale en est une autre, et le nom de l'organisateur du voyage relève d'un "
                                "procès-verbal d'audition établi selon la procédure pénale. L'ethnie, la religion et le "
                                "statut VIH sont des données sensibles inutiles pour le filtrage, ce qui viole le principe "
                                "de minimisation. Les coordonnées de la famille ne doivent être recueillies que si elles "
                                "sont nécessaires à la recherche familiale, avec l'accord de la personne. Les données "
                                "biométriques exigent une base juridique spécifique. Envoyer chaque formulaire à toutes les "
                                "institutions méconnaît la règle du besoin d'en connaître, et la conservation définitive "
                                "méconnaît les limites de conservation. Un formulaire révisé se limiterait à l'identité de "
                                "base, aux langues parlées, aux besoins particuliers et à l'accord de la personne pour être "
                                "orientée, avec une date de naissance estimée signalée comme telle, et serait accompagné "
                                "d'une courte notice expliquant pourquoi les données sont recueillies et qui les "
                                "verra.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Tout traitement exige une base juridique, et les personnes doivent savoir qui recueille leurs données et pourquoi.",
                                "N'utilisez les données que pour les finalités pour lesquelles elles ont été recueillies ; évitez les détournements de finalité.",
                                "Recueillez le minimum nécessaire, tenez-le exact et ne le conservez pas plus longtemps que nécessaire.",
                                "Le responsable du traitement doit pouvoir démontrer sa conformité, notamment par une analyse des risques avant tout nouveau système.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "consent-and-its-limits",
                    "title": "Le consentement et ses limites",
                    "summary": "Ce qu'exige un consentement éclairé, pourquoi il est souvent contraint dans le travail de protection, et que faire à la place.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Les conditions d'un consentement valable</h2>"
                            "<p>Un consentement n'est valable que s'il est :</p>"
                            "<ul>"
                            "<li><b>éclairé</b> : la personne comprend quelles données sont recueillies, dans quel but, "
                            "qui les recevra, combien de temps elles seront conservées, quels sont ses droits et ce qui "
                            "se passera si elle refuse ;</li>"
                            "<li><b>libre</b> : la personne peut dire non sans perdre quelque chose dont elle a besoin ;</li>"
                            "<li><b>spécifique</b> : il porte sur un usage défini, et non sur « toute finalité que "
                            "l'organisation jugera utile » ;</li>"
                            "<li><b>univoque</b> : il s'exprime par une déclaration ou un acte, comme une signature ou un "
                            "accord oral consigné, et ne se déduit jamais du silence ;</li>"
                            "<li><b>révocable</b> : la personne peut le retirer à tout moment, et doit en être "
                            "informée.</li>"
                            "</ul>"
                            "<p>L'information doit être donnée dans une langue et sous une forme que la personne comprend, "
                            "avec un interprète si nécessaire, en lui laissant le temps de poser des questions. Une "
                            "signature au bas d'un formulaire que la personne ne pouvait pas lire n'est pas un "
                            "consentement éclairé.</p>"
                            "<h2>Les limites du consentement</h2>"
                            "<p>Dans le travail de protection, le consentement est souvent loin d'être libre. Une femme qui "
                            "vient d'échapper à ses exploiteurs et a besoin d'un lit pour la nuit refusera difficilement "
                            "ce que le centre d'hébergement lui demande. Le traumatisme, la peur des autorités, "
                            "l'analphabétisme et la dépendance envers l'organisation affaiblissent tous la capacité de "
                            "dire non. S'appuyer sur le consentement dans ces situations peut donner une fausse apparence "
                            "de légitimité.</p>"
                            "<p>Lorsqu'un traitement est nécessaire pour assurer une protection ou une assistance, il est "
                            "plus honnête de le fonder sur le mandat légal de l'organisation, sur une mission d'intérêt "
                            "public ou, en cas d'urgence, sur les intérêts vitaux de la personne, tout en informant "
                            "pleinement celle-ci. Le consentement est alors réservé aux usages réellement facultatifs, "
                            "pour lesquels un refus n'a aucune conséquence sur l'aide reçue : une photo pour un rapport, "
                            "un entretien avec un journaliste, la participation à une recherche, ou une orientation vers "
                            "un service non essentiel.</p>"
                        )),
                        ("callout", {
                            "kind": "note",
                            "title": "Les enfants",
                            "text": (
                                "<p>Pour un enfant, le consentement est donné par un parent ou le représentant légal, et "
                                "l'opinion de l'enfant est recueillie et prise en compte selon son âge et son degré de "
                                "maturité. Pour un enfant non accompagné, c'est le tuteur désigné qui agit ; un adulte qui se "
                                "contente d'accompagner l'enfant, et qui participe peut-être à son exploitation, ne peut pas "
                                "consentir en son nom.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "Une photo pour le rapport aux bailleurs",
                            "scenario": (
                                "<p>Une ONG qui gère un centre d'hébergement à Ouagadougou veut illustrer son rapport annuel "
                                "avec une photo de cinq filles récemment retirées d'un site d'orpaillage. La chargée de "
                                "communication affirme que les filles étaient d'accord et ont souri à l'objectif. Les filles "
                                "ont entre 14 et 17 ans, sont au centre depuis une semaine, et leur tuteur n'a pas été "
                                "consulté.</p>"
                            ),
                            "question": "L'accord des filles constitue-t-il un consentement valable ? Que doit faire l'organisation ?",
                            "discussion": (
                                "<p>Non. Les filles sont des enfants et leur tuteur n'a pas été consulté ; elles dépendent du "
                                "centre pour tout et se sentent peu libres de refuser ; et elles n'ont sans doute pas "
                                "compris que le rapport circulera largement et restera en ligne pendant des années. Une "
                                "image permettant de les identifier pourrait les exposer à la stigmatisation ou à ceux qui "
                                "les ont exploitées. L'organisation ne doit pas utiliser la photo. Si elle souhaite illustrer "
                                "son action, elle peut recourir à des images qui n'identifient personne, comme des mains, "
                                "des silhouettes de dos ou des dessins, ou à des photos de membres adultes du personnel qui "
                                "y consentent.</p>"
                            ),
                        }),
                        ("glossary_term", "informed-consent"),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Un consentement valable est éclairé, libre, spécifique, univoque et révocable.",
                                "Les personnes qui dépendent d'une organisation pour recevoir de l'aide ne peuvent souvent pas refuser librement ; ne vous fondez pas sur le seul consentement dans ces situations.",
                                "Fondez les traitements essentiels sur le mandat, la loi ou les intérêts vitaux, informez pleinement la personne, et réservez le consentement aux usages facultatifs.",
                                "Pour un enfant, le parent ou le tuteur consent et l'opinion de l'enfant est entendue ; un adulte accompagnant ne peut pas consentir à sa place.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "data-protection-in-practice",
            "title": "La protection des données en pratique",
            "summary": "Confidentialité et sécurité, partage sûr, droits des personnes, conservation et violations de données.",
            "lessons": [
                {
                    "slug": "confidentiality-and-security",
                    "title": "Garantir la confidentialité et la sécurité des données",
                    "summary": "Mesures pratiques pour les dossiers papier, les ordinateurs, les téléphones et les messageries, au bureau et sur le terrain.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>La confidentialité : la règle du besoin d'en connaître</h2>"
                            "<p>La confidentialité signifie que les données personnelles ne sont communiquées qu'aux "
                            "personnes qui en ont besoin pour accomplir leur travail, dans le cadre de la finalité pour "
                            "laquelle elles ont été recueillies. Elle s'applique aussi au sein de votre propre "
                            "organisation : le chauffeur n'a pas besoin de savoir pourquoi une résidente est au centre, et "
                            "le responsable financier n'a pas à lire les notes de suivi. Les interprètes, bénévoles et "
                            "prestataires doivent signer un engagement de confidentialité. Utilisez des numéros de dossier "
                            "ou des pseudonymes dans les rapports et les réunions, et ne parlez jamais de cas individuels "
                            "dans les lieux publics ou sur les réseaux sociaux.</p>"
                            "<h2>La sécurité : trois types de mesures</h2>"
                            "<h3>Mesures physiques</h3>"
                            "<ul>"
                            "<li>Rangez les dossiers papier dans des armoires fermées à clé, dans des pièces où les "
                            "visiteurs ne peuvent pas entrer seuls.</li>"
                            "<li>Ne laissez aucun dossier sur votre bureau en partant, et récupérez immédiatement vos "
                            "impressions.</li>"
                            "<li>Détruisez au broyeur les documents devenus inutiles ; ne les jetez pas à la poubelle.</li>"
                            "</ul>"
                            "<h3>Mesures techniques</h3>"
                            "<ul>"
                            "<li>Protégez chaque ordinateur et chaque téléphone par un mot de passe ou un code robuste, et "
                            "verrouillez l'écran dès que vous vous éloignez.</li>"
                            "<li>Chiffrez les ordinateurs portables, téléphones et clés USB contenant des données "
                            "personnelles, et utilisez la validation en deux étapes pour la messagerie et les bases de "
                            "données.</li>"
                            "<li>N'accordez à chaque utilisateur que les droits d'accès dont il a besoin, et conservez une "
                            "trace de qui a consulté quoi.</li>"
                            "<li>Installez les mises à jour, faites des sauvegardes régulières et conservez-les en lieu "
                            "sûr.</li>"
                            "</ul>"
                            "<h3>Mesures organisationnelles</h3>"
                            "<ul>"
                            "<li>Adoptez une politique écrite de protection des données et formez tout le personnel, y "
                            "compris les nouveaux arrivants.</li>"
                            "<li>Signez un contrat avec toute société qui traite des données pour votre compte, comme un "
                            "fournisseur d'hébergement en nuage.</li>"
                            "<li>Prévoyez une procédure de signalement des incidents et assurez-vous que chacun la "
                            "connaît.</li>"
                            "</ul>"
                            "<p>Les mesures doivent être proportionnées à la sensibilité des données et aux risques du "
                            "contexte. Le dossier d'une victime de traite dans un centre d'hébergement mérite plus de "
                            "protection qu'une liste de participants à une formation.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Groupes de messagerie et téléphones personnels",
                            "text": (
                                "<p>Les photos de passeports, d'enfants ou de victimes partagées dans des groupes de "
                                "messagerie sont copiées sur le téléphone de chaque membre, sauvegardées sur des serveurs que "
                                "vous ne contrôlez pas et facilement transférées. Utilisez le système officiel de gestion des "
                                "dossiers ou un canal chiffré approuvé ; ne partagez jamais d'informations permettant "
                                "d'identifier une personne dans de grands groupes ; et supprimez les images de votre "
                                "téléphone personnel dès qu'elles ont été versées au dossier officiel.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Sur le terrain</h2>"
                            "<p>Les postes frontières, les équipes mobiles et les travailleurs de proximité sont exposés à "
                            "des risques particuliers. Des registres papier peuvent être perdus ou inspectés à un poste de "
                            "contrôle ; des ordinateurs portables peuvent être volés dans un véhicule ; un ordinateur "
                            "partagé dans un cybercafé peut garder une copie de tout ce qui y a été ouvert. N'emportez en "
                            "mission que les données nécessaires, transférez-les vers le système sécurisé dès que possible, "
                            "et prévoyez la conduite à tenir si un appareil est perdu ou saisi.</p>"
                        )),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Ne communiquez les données personnelles qu'à ceux qui en ont besoin pour la finalité, à l'intérieur comme à l'extérieur de votre organisation.",
                                "Combinez mesures physiques, techniques et organisationnelles, proportionnées à la sensibilité des données.",
                                "Évitez les groupes de messagerie et les téléphones personnels pour les informations identifiantes ; utilisez des canaux approuvés.",
                                "N'emportez sur le terrain que les données nécessaires et transférez-les rapidement vers le système sécurisé.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "sharing-and-transfers",
                    "title": "Partager des données avec d'autres services et d'autres pays",
                    "summary": "Quand et comment des données personnelles peuvent être partagées, y compris avec la police, les ambassades et les autorités du pays d'origine.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Un partage nécessaire, mais risqué</h2>"
                            "<p>La protection repose sur le partage d'informations : orientation vers un centre "
                            "d'hébergement, signalement à la police, demande de recherche familiale, organisation d'un "
                            "retour. Chaque transfert multiplie aussi le nombre de personnes qui peuvent voir les données "
                            "et les risques de fuite. Avant de partager, vérifiez que les conditions suivantes sont "
                            "réunies :</p>"
                            "<ol>"
                            "<li>Le transfert repose sur une <b>base juridique</b> : une loi, un accord formel dans le cadre "
                            "du mécanisme national de référence, ou le consentement de la personne.</li>"
                            "<li>La <b>finalité</b> du transfert est précise et compatible avec celle pour laquelle les "
                            "données ont été recueillies.</li>"
                            "<li>Seules les <b>données nécessaires</b> à cette finalité sont transmises : un centre "
                            "d'hébergement a besoin de connaître les besoins de santé d'une résidente, pas l'intégralité "
                            "de sa déposition à la police.</li>"
                            "<li>Le <b>destinataire</b> protège les données au moins aussi bien que vous, en vertu de sa "
                            "loi ou d'un accord écrit, et ne les transmettra pas à d'autres sans autorisation.</li>"
                            "<li>La <b>personne est informée</b>, et a donné son accord lorsque le consentement est la "
                            "base retenue.</li>"
                            "<li>Le transfert passe par un <b>canal sécurisé</b> et il est <b>consigné</b>.</li>"
                            "</ol>"
                            "<p>Au sein d'un mécanisme national de référence, des accords de partage de données entre "
                            "institutions doivent fixer ces règles à l'avance : quelles données, pour quelle finalité, par "
                            "quel canal, pour combien de temps, et sous la responsabilité de qui.</p>"
                            "<h2>Les demandes de la police et d'autres autorités</h2>"
                            "<p>Vérifiez que la demande est faite par écrit par une autorité compétente et qu'elle repose "
                            "sur la loi (dans certains pays, une décision judiciaire est requise), ne communiquez que ce "
                            "qui est demandé et nécessaire, informez la personne lorsque cela ne nuit pas à une enquête, "
                            "et consignez ce qui a été communiqué. Les informations données pour obtenir une assistance ne "
                            "doivent pas servir à arrêter ou à éloigner une victime.</p>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Le pays d'origine et les trafiquants présumés",
                            "text": (
                                "<p>Ne transmettez jamais l'identité, la localisation ou les déclarations d'une victime au "
                                "pays où opèrent les trafiquants présumés, y compris à ses autorités, sans avoir d'abord "
                                "évalué les risques et mis en place des garanties : une base juridique, l'accord éclairé de "
                                "la victime, le minimum de données, un destinataire de confiance et un canal sécurisé. Des "
                                "agents peuvent être liés aux trafiquants, et les informations peuvent parvenir à la "
                                "famille ou à la communauté de la victime. Pour les demandeurs d'asile et les réfugiés, le "
                                "fait qu'ils ont demandé une protection ne doit jamais être révélé aux autorités du pays "
                                "qu'ils ont fui.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "Une demande du consulat",
                            "scenario": (
                                "<p>Un centre d'hébergement à Abidjan reçoit une lettre du consulat d'un pays voisin qui "
                                "demande les noms, les photos et les villages d'origine de tous ses ressortissants hébergés "
                                "au centre, « afin de leur porter assistance ». L'une d'elles, Grace, a confié à sa "
                                "travailleuse sociale que la femme qui l'a recrutée est la cousine d'un responsable local de "
                                "son district d'origine. Grace n'a pas encore décidé si elle souhaite rentrer.</p>"
                            ),
                            "question": "Comment le centre doit-il répondre au consulat, et que doit-il faire concernant Grace ?",
                            "discussion": (
                                "<p>Le centre ne doit pas envoyer de liste. Il peut remercier le consulat, expliquer qu'il ne "
                                "communique pas les données des résidents sans base juridique ni accord de leur part, et "
                                "proposer d'informer les résidents que l'assistance consulaire est disponible. Chaque "
                                "résident décide alors s'il souhaite contacter le consulat. Pour Grace, le risque est "
                                "élevé : des informations pourraient parvenir à la recruteuse par l'intermédiaire du "
                                "responsable local. Rien ne doit être transmis sans évaluation des risques et sans son "
                                "accord éclairé ; si elle choisit plus tard de rentrer, seules les données nécessaires aux "
                                "documents de voyage et à la réintégration doivent être partagées, par un canal de "
                                "confiance.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Ne partagez que sur une base juridique, pour une finalité précise et compatible, le minimum de données, avec un destinataire qui les protège, par un canal sécurisé, et consignez-le.",
                                "Fixez à l'avance les règles de partage des données au sein du mécanisme national de référence.",
                                "Vérifiez le fondement de toute demande de la police ou d'autres autorités et ne communiquez que le nécessaire.",
                                "Ne transmettez jamais les données d'une victime au pays des trafiquants présumés sans évaluation des risques ni garanties ; ne révélez jamais une demande d'asile au pays d'origine.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "rights-retention-and-breaches",
                    "title": "Droits des personnes, conservation et violations de données",
                    "summary": "Comment répondre aux demandes des personnes concernées, quand détruire les données et que faire lorsque des données sont perdues ou divulguées.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Les droits des personnes concernées</h2>"
                            "<p>Les personnes dont vous détenez les données ne sont pas de simples objets d'un dossier. "
                            "Les lois sur la protection des données leur reconnaissent des droits, notamment :</p>"
                            "<ul>"
                            "<li>le droit d'<b>information</b> sur qui traite leurs données, pourquoi et avec qui elles "
                            "sont partagées ;</li>"
                            "<li>le droit d'<b>accès</b> aux données qui les concernent, en général avec une copie ;</li>"
                            "<li>le droit de <b>rectification</b> des données inexactes ou incomplètes ;</li>"
                            "<li>le droit à l'<b>effacement</b> des données qui ne sont plus nécessaires ou ont été traitées "
                            "illégalement ;</li>"
                            "<li>le droit d'<b>opposition</b> à certaines utilisations de leurs données.</li>"
                            "</ul>"
                            "<p>Ces droits peuvent être limités par la loi, par exemple lorsque la communication nuirait à "
                            "une enquête pénale ou à la sécurité d'une autre personne, mais la limitation doit être "
                            "justifiée au cas par cas et non appliquée par habitude. Traitez les demandes simplement : "
                            "vérifiez l'identité de la personne, répondez dans une langue qu'elle comprend et dans le délai "
                            "fixé par la loi ou la politique interne, gratuitement, et consignez la demande et votre "
                            "réponse.</p>"
                            "<h2>Conservation et destruction</h2>"
                            "<p>Un calendrier de conservation indique combien de temps chaque catégorie de données est "
                            "conservée, par exemple les données d'enregistrement, les dossiers de suivi, les dossiers "
                            "médicaux et les pièces comptables, et ce qu'il advient à la fin de la période. Les durées "
                            "dépendent de la loi nationale, des exigences des bailleurs et de la nécessité d'aider une "
                            "personne qui pourrait revenir demander de l'aide. À la fin de la période, les données sont "
                            "détruites de manière sûre, sur papier comme dans les systèmes informatiques, sauvegardes "
                            "comprises, ou anonymisées à des fins statistiques.</p>"
                        )),
                        ("text", (
                            "<h2>Quand un incident survient</h2>"
                            "<p>Une violation de données est toute destruction, perte ou altération, accidentelle ou "
                            "illicite, de données personnelles, ou toute divulgation ou tout accès non autorisé : un "
                            "ordinateur portable volé, un courriel envoyé à la mauvaise adresse, un dossier oublié dans un "
                            "taxi, une base de données exposée en ligne. Agissez vite :</p>"
                            "<ol>"
                            "<li><b>Contenir</b> la violation : récupérer l'objet, changer les mots de passe, bloquer les "
                            "accès, demander aux destinataires erronés de supprimer les données.</li>"
                            "<li><b>Évaluer</b> le risque pour les personnes concernées : quelles données, quel degré de "
                            "sensibilité, qui peut les détenir, quel préjudice pourrait en résulter.</li>"
                            "<li><b>Signaler</b> immédiatement en interne au point focal chargé de la protection des "
                            "données, et à l'autorité de contrôle lorsque la loi l'exige. Le Règlement général sur la "
                            "protection des données de l'Union européenne, par exemple, impose une notification dans les "
                            "72 heures ; les lois nationales de la région fixent leurs propres règles.</li>"
                            "<li><b>Informer</b> les personnes concernées lorsque le risque pour elles est élevé, afin "
                            "qu'elles puissent se protéger, et les aider à le faire.</li>"
                            "<li><b>Consigner et tirer les leçons</b> : documenter la violation et la réponse apportée, et "
                            "corriger la cause.</li>"
                            "</ol>"
                        )),
                        ("case_study", {
                            "title": "L'ordinateur dans la voiture",
                            "scenario": (
                                "<p>Une travailleuse sociale d'une organisation qui accompagne des victimes de traite à "
                                "Dakar laisse son ordinateur portable dans une voiture pendant qu'elle rend visite à une "
                                "famille. À son retour, la vitre est brisée et l'ordinateur a disparu. Il contient des "
                                "tableaux avec les noms, les photos, les adresses des lieux d'hébergement et les notes de "
                                "suivi de 60 personnes, dont des enfants. L'ordinateur est protégé par un mot de passe mais "
                                "n'est pas chiffré. Gênée, elle envisage d'attendre lundi pour en parler à sa "
                                "responsable.</p>"
                            ),
                            "question": "Que doit-il se passer dans les 24 heures qui suivent, et que faut-il changer ensuite ?",
                            "discussion": (
                                "<p>Elle doit signaler le vol immédiatement à sa responsable et au point focal chargé de la "
                                "protection des données, ainsi qu'à la police. Les mots de passe de la messagerie et de tous "
                                "les comptes accessibles depuis l'ordinateur doivent être changés. Les données étant non "
                                "chiffrées et très sensibles, le risque est élevé : l'organisation doit évaluer si des "
                                "résidents sont désormais en danger, envisager de déplacer les personnes dont la "
                                "localisation a été exposée, informer les personnes concernées avec précaution, et notifier "
                                "l'autorité nationale de protection des données comme la loi l'exige. Ensuite, les appareils "
                                "doivent être chiffrés, les dossiers conservés dans un système sécurisé plutôt que sur des "
                                "ordinateurs portables, et le personnel formé à ne jamais laisser d'appareil dans un "
                                "véhicule. Une culture dans laquelle chacun signale rapidement les incidents, sans crainte "
                                "d'être blâmé, compte autant que la technologie.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Points clés",
                            "points": [
                                "Les personnes concernées ont des droits d'information, d'accès, de rectification, d'effacement et d'opposition ; toute limitation doit être justifiée au cas par cas.",
                                "Appliquez un calendrier de conservation et détruisez ou anonymisez les données de manière sûre à la fin de la période, sauvegardes comprises.",
                                "En cas de violation, contenez, évaluez, signalez, informez les personnes exposées et tirez les leçons, sans délai.",
                                "Encouragez le signalement rapide des incidents ; dissimuler une violation aggrave le préjudice.",
                            ],
                        }),
                    ],
                },
            ],
        },
    ],
}


COURSES = [
    IDENTIFYING_AND_REFERRING,
    COLLECTING_AND_PROTECTING_DATA,
]
