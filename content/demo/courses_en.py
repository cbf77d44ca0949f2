"""Demo course content in English (the source language).

Four courses for officials who protect migrants. Each course is a dict with its modules and lessons; lesson
bodies are lists of (block_type, value) tuples matching content.blocks.BodyStreamBlock. Glossary terms are
referenced by slug (see content/demo/glossary.py). All people and cases are fictional.
"""

IDENTIFYING_AND_REFERRING = {
    "slug": "identifying-and-referring-victims-of-trafficking",
    "title": "Identifying and referring victims of trafficking",
    "summary": (
        "Learn what trafficking in persons is under international law, how to tell it apart from smuggling and "
        "other abuses, how to recognise the signs and hold a safe first conversation, and how to refer a presumed "
        "victim through the national referral mechanism to protection, assistance and, where chosen, a safe return."
    ),
    "description": (
        "<p>Most victims of trafficking are never identified. They pass through border posts, bus stations, "
        "police stations, farms, mining sites and households where an official could have noticed that something "
        "was wrong. This course is written for those officials: border and immigration officers, police, labour "
        "inspectors, social workers and staff of civil-society organisations who are often the first to meet a "
        "person in an exploitative situation.</p>"
        "<p>You will work with the three elements of the international definition, learn to separate trafficking "
        "from smuggling and from labour-law violations, and practise using indicators without turning them into "
        "a checklist. You will see how to conduct a first conversation that keeps the person safe, and how a "
        "national referral mechanism moves a presumed victim from identification to assistance, and, when the person "
        "chooses it and it is safe, to assisted voluntary return and reintegration.</p>"
        "<p>The examples are drawn from situations common in West Africa and along the routes that cross it. All "
        "people and cases are fictional.</p>"
    ),
    "audiences": ["border-police", "police", "labour-inspection", "social-services", "ngo"],
    "topics": ["victim-identification", "referral"],
    "outcomes": [
        "Explain the three elements of the international definition of trafficking in persons and why the means element is not required for children.",
        "Distinguish trafficking in persons from smuggling of migrants and from labour-law violations, and recognise when one turns into the other.",
        "Recognise general and sector-specific indicators of trafficking and use them to decide when to ask further questions.",
        "Conduct a safe, trauma-informed first conversation with a presumed victim, with a suitable interpreter and without promising what you cannot deliver.",
        "Refer a presumed victim through the national referral mechanism and describe the safeguards that apply to assisted voluntary return and reintegration.",
    ],
    "hours": 2.5,
    "prerequisites": "None. The course is designed for officials who are new to the subject; experienced practitioners can use it as a refresher.",
    "modules": [
        {
            "slug": "understanding-trafficking",
            "title": "Understanding trafficking in persons",
            "summary": "What the international definition says and how trafficking differs from smuggling and other forms of exploitation.",
            "lessons": [
                {
                    "slug": "what-trafficking-is",
                    "title": "What trafficking is: act, means and purpose",
                    "summary": "The three elements of the Palermo Protocol definition, the special rule for children and why consent does not cancel trafficking.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Why a shared definition matters</h2>"
                            "<p>Border officers, police, labour inspectors and social workers meet the same people at "
                            "different moments of their journey. If each service works with its own idea of what "
                            "trafficking means, a person recognised as a victim by one office can be treated as an "
                            "irregular migrant or an offender by the next. The international definition gives everyone "
                            "the same yardstick. It is set out in Article 3 of the Palermo Protocol, adopted by the United "
                            "Nations General Assembly in 2000, and most national laws in West Africa follow it closely.</p>"
                            "<h2>Three elements: act, means and purpose</h2>"
                            "<p>For an adult, trafficking exists when three elements come together.</p>"
                            "<ul>"
                            "<li><b>The act</b>, meaning what is done to the person: recruitment, transportation, transfer, "
                            "harbouring or receipt. One act is enough, and different people in a network may each carry "
                            "out a different act.</li>"
                            "<li><b>The means</b>, meaning how the person is brought under control: threat or use of force "
                            "or other forms of coercion, abduction, fraud, deception, abuse of power or of a position of "
                            "vulnerability, or the giving or receiving of payments or benefits to obtain the agreement of "
                            "someone who has control over the victim.</li>"
                            "<li><b>The purpose</b>, which is exploitation. As a minimum the Protocol lists the exploitation "
                            "of the prostitution of others or other forms of sexual exploitation, forced labour or services, "
                            "slavery or practices similar to slavery, servitude and the removal of organs. Many national "
                            "laws add forced begging, forced criminality or forced marriage.</li>"
                            "</ul>"
                            "<p>The purpose is an intention, not a result. A person can be a victim of trafficking before "
                            "the exploitation starts: a minibus stopped at a border post while carrying recruits to a "
                            "workplace where they will be exploited may already be a trafficking case.</p>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Children: the means are not required",
                            "text": (
                                "<p>When the person is under 18, recruiting, transporting, transferring, harbouring or "
                                "receiving them for the purpose of exploitation is trafficking even if no threat, deception "
                                "or other means was used (Article 3(c) and (d) of the Palermo Protocol). The agreement of a "
                                "parent, a payment made to the family or the child's own wish to travel changes nothing.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Consent does not cancel trafficking</h2>"
                            "<p>Many victims agreed to leave home. A young woman from Abidjan may have accepted an offer "
                            "of restaurant work abroad; a young man may have paid an intermediary to find him a job on a "
                            "farm. Once any of the listed means has been used, that initial agreement is irrelevant "
                            "(Article 3(b)). Nobody can validly agree to exploitation obtained by deceiving them or by "
                            "taking advantage of their situation. In practice, remarks such as “she knew she would work in "
                            "a bar” or “he signed a contract” are never, on their own, a reason to stop asking questions.</p>"
                            "<h2>Abuse of a position of vulnerability</h2>"
                            "<p>This is the means most often present and the one most easily missed. It covers situations "
                            "in which the person had no real and acceptable alternative but to submit: extreme poverty, a "
                            "debt, irregular status, a disability, dependence on the recruiter for food and shelter, or "
                            "isolation in a country whose language they do not speak. Traffickers rarely need chains. They "
                            "count on the fact that the victim has nowhere else to go.</p>"
                            "<h2>No border needs to be crossed</h2>"
                            "<p>Although the Protocol supplements a convention against transnational crime, states must "
                            "make trafficking an offence whether or not a border is crossed and whether or not an organised "
                            "criminal group is involved. A girl brought from a rural area to work without pay as a domestic "
                            "servant in Dakar is as much a victim as a girl taken to another continent. In many West "
                            "African countries internal trafficking is more common than cross-border cases.</p>"
                        )),
                        ("glossary_term", "victim-of-trafficking"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Trafficking of an adult requires an act, a means and a purpose of exploitation, all three together.",
                                "For a child under 18 the means element is not required: an act done for the purpose of exploitation is enough.",
                                "Where deception, coercion, abuse of vulnerability or another listed means was used, the victim's consent is irrelevant.",
                                "Exploitation does not need to have started; recruiting or moving someone for the purpose of exploitation is enough.",
                                "Trafficking can take place inside one country; crossing a border is not an element of the offence.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "trafficking-and-smuggling",
                    "title": "Trafficking, smuggling and other forms of exploitation",
                    "summary": "How to tell trafficking apart from smuggling of migrants and from labour-law violations, and how one can turn into the other.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Two different crimes</h2>"
                            "<p>Smuggling of migrants and trafficking in persons are easily confused, partly because they "
                            "use the same routes and sometimes the same networks. They are governed by two separate "
                            "protocols to the UN Convention against Transnational Organized Crime and call for different "
                            "responses.</p>"
                            "<ul>"
                            "<li><b>Smuggling</b> means arranging, for money or another material benefit, the illegal entry "
                            "of a person into a country of which they are neither a national nor a permanent resident. The "
                            "migrant has agreed to the service, the relationship with the smuggler normally ends on arrival, "
                            "the offence is committed against the state's border rules, and a border is always crossed.</li>"
                            "<li><b>Trafficking</b> is aimed at exploiting the person. The means used, or the person's age, "
                            "remove any meaningful consent; the relationship continues after arrival because the profit "
                            "comes from the exploitation; the offence is committed against the person; and no border needs "
                            "to be crossed.</li>"
                            "</ul>"
                            "<p>The Smuggling Protocol also states that migrants must not become liable to criminal "
                            "prosecution for the fact of having been smuggled, and smuggled migrants may themselves "
                            "suffer serious abuse that calls for protection.</p>"
                            "<h2>When smuggling turns into trafficking</h2>"
                            "<p>Situations change during a journey. A man who pays a driver to take him north from Niamey "
                            "may be told on the way that the price has doubled and that he must work off the "
                            "difference at a gold-mining site. A woman who travelled with a smuggler of her own choosing may "
                            "be handed over on arrival to someone who takes her passport and sends her to work in a bar. "
                            "The journey began as smuggling; what follows is trafficking. Look at the person's present "
                            "situation, not only at how the journey started.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Do not label people too early",
                            "text": (
                                "<p>A person recorded as a “smuggled migrant” at the first interview may never be asked "
                                "another question. Keep an open mind, note what you observe, and revisit your assessment "
                                "whenever new information appears.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Exploitation that is not trafficking</h2>"
                            "<p>Not every badly paid job or abusive employer amounts to trafficking. It helps to think of a "
                            "continuum: at one end, decent work; then violations of labour law such as unpaid overtime, "
                            "wages below the legal minimum or unsafe conditions; then severe exploitation; and at the far "
                            "end forced labour, servitude and trafficking. The International Labour Organization's Forced "
                            "Labour Convention of 1930 (No. 29) defines forced labour as work or service demanded from a "
                            "person under the threat of a penalty and which that person has not offered to do voluntarily. "
                            "The penalty may be violence, threats against relatives, withheld wages or confiscated documents.</p>"
                            "<p>Labour inspectors are often the first to see this grey zone. The responses differ: "
                            "labour-law violations call for inspection, orders to pay back wages and administrative "
                            "sanctions, while trafficking calls for a criminal investigation and victim protection.</p>"
                        )),
                        ("case_study", {
                            "title": "The road that was “closed”",
                            "scenario": (
                                "<p>Police in Ouagadougou search a house after a neighbour complains about noise and find "
                                "twelve young men sleeping on the floor. One of them, Moussa, 24, says he paid 150,000 CFA "
                                "francs in Niamey to a man who promised to take the group to North Africa. On arrival in "
                                "Ouagadougou the man told them the road was closed, that they now owed him for food and "
                                "lodging, and that they would be driven the next week to a gold-mining site to work off the "
                                "debt. Their phones were collected “for safety”. Moussa says nobody is locked in, but he "
                                "has no money and knows no one in the city.</p>"
                            ),
                            "question": "Is this smuggling, trafficking, both or neither? What more would you need to know, and what would you do now?",
                            "discussion": (
                                "<p>The arrangement began as smuggling. The current situation shows several indicators of "
                                "trafficking: a debt imposed by the recruiter, confiscated phones, isolation, and a plan to "
                                "send the men to work off the debt. Harbouring people for the "
                                "purpose of forced labour, by deception and abuse of their vulnerability, would meet all three "
                                "elements of the definition even though the work has not yet begun.</p>"
                                "<p>You would want to know whether the men are threatened, who holds their identity documents "
                                "and whether any of them is under 18. Meanwhile, treat them as presumed victims, refer them "
                                "to the national referral mechanism, and avoid arrest or removal, which would end any chance "
                                "of protecting them and investigating the recruiter.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Smuggling is consensual, ends on arrival and is a crime against the state; trafficking aims at exploitation and is a crime against the person.",
                                "A smuggling arrangement can turn into trafficking at any point of the journey or after arrival.",
                                "Labour-law violations, severe exploitation and forced labour lie on a continuum; not every abuse is trafficking, but every worker keeps their rights.",
                                "Assess the person's current situation, and revisit the assessment when new information appears.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "recognising-the-signs",
            "title": "Recognising the signs",
            "summary": "Using indicators wisely and holding a first conversation that keeps the person safe.",
            "lessons": [
                {
                    "slug": "indicators-of-trafficking",
                    "title": "Indicators of trafficking",
                    "summary": "General and sector-specific signs that should lead you to ask more questions, and the limits of any list.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>What indicators are for</h2>"
                            "<p>Victims rarely introduce themselves as victims. Many do not know the word, fear the "
                            "authorities more than their exploiters, have been told what to say, or feel loyalty or shame "
                            "towards the people who control them. Indicators are the observable signs that help an "
                            "official decide that a situation deserves a closer look. They are a reason to ask questions "
                            "and to refer, not proof that a crime has been committed.</p>"
                            "<h2>General indicators</h2>"
                            "<p>Some signs appear whatever the form of exploitation. The person:</p>"
                            "<ul>"
                            "<li>does not hold their own identity or travel documents, or someone else holds them;</li>"
                            "<li>owes a debt to a recruiter, employer or “sponsor” that keeps growing or cannot be repaid;</li>"
                            "<li>cannot move freely, is escorted, or is not allowed to speak alone with you;</li>"
                            "<li>shows signs of violence, malnutrition, exhaustion or untreated illness;</li>"
                            "<li>seems afraid, gives answers that sound rehearsed, or tells a story that changes or does not fit the facts;</li>"
                            "<li>does not know their own address or the name of the town where they work;</li>"
                            "<li>has received no pay, or hands all earnings to someone else;</li>"
                            "<li>was recruited with promises that turned out to be false.</li>"
                            "</ul>"
                            "<p>The International Labour Organization groups the signs of forced labour into eleven "
                            "indicators: abuse of vulnerability, deception, restriction of movement, isolation, physical "
                            "and sexual violence, intimidation and threats, retention of identity documents, withholding "
                            "of wages, debt bondage, abusive working and living conditions, and excessive overtime.</p>"
                        )),
                        ("text", (
                            "<h2>Signs linked to particular forms of exploitation</h2>"
                            "<h3>Labour exploitation</h3>"
                            "<p>Workers live on the site, such as a farm, a fishing boat, a quarry or an artisanal gold "
                            "mine; they have no contract or one that differs from what was promised; deductions for "
                            "transport, food and tools swallow their wages; they lack protective equipment; they are "
                            "transported to and from work in groups.</p>"
                            "<h3>Domestic servitude</h3>"
                            "<p>A girl or woman lives with the employing family but does not eat with them, sleeps in the "
                            "kitchen or a corridor, works from dawn until late at night, never leaves the house alone and "
                            "does not attend school. Any pay goes to a relative or intermediary.</p>"
                            "<h3>Sexual exploitation</h3>"
                            "<p>The person is moved often between towns or venues, is controlled by someone who speaks for "
                            "them, must earn a daily amount, or is bound by a debt or by an oath or ritual that they fear "
                            "to break.</p>"
                            "<h3>Forced begging and forced criminality</h3>"
                            "<p>Children or adults with disabilities beg in groups at junctions and markets, hand their "
                            "takings to an adult, and are punished if they bring back less than a fixed quota. Others are "
                            "made to sell drugs, steal or carry goods across borders.</p>"
                            "<h3>Children on the move</h3>"
                            "<p>A child travels with an adult who is not a parent and cannot give details about the child; "
                            "the child's story has been coached; the child is working instead of attending school or is "
                            "doing work that is dangerous for their age.</p>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "A process, not a checklist",
                            "text": (
                                "<p>No single indicator proves trafficking, and the absence of a particular sign does not "
                                "rule it out. Look at the combination of signs, their seriousness and the person's overall "
                                "situation. Record what you observed in factual terms, such as “passport held by the "
                                "employer”, rather than your conclusion.</p>"
                            ),
                        }),
                        ("glossary_term", "indicators-of-trafficking"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Indicators show when to ask more questions and when to refer; they are not proof of a crime.",
                                "Control of documents, debt, restricted movement, signs of abuse and rehearsed stories are general warning signs.",
                                "Each form of exploitation has its own typical signs; learn those most relevant to your workplace.",
                                "Judge the combination of indicators and record facts, not conclusions.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "the-first-conversation",
                    "title": "The first conversation",
                    "summary": "How to talk to a presumed victim safely: setting, interpreter, questions and what not to do.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>Safety and urgent needs come first</h2>"
                            "<p>The first contact with an official can decide whether a victim accepts help or disappears. "
                            "Before asking anything about the journey, check whether the person needs medical care, food, "
                            "water or rest, and whether anyone present could be a controller. If an accompanying adult "
                            "insists on answering for the person, find a neutral reason to speak to each of them "
                            "separately.</p>"
                            "<h2>Setting up the conversation</h2>"
                            "<ul>"
                            "<li><b>Place.</b> Choose a private space where others cannot overhear, not a counter in a busy "
                            "hall. Keep the door visible and avoid a room that feels like a cell.</li>"
                            "<li><b>Interpreter.</b> Use a trained interpreter who has no link with the person's community "
                            "or with the people accompanying them. Never use a travel companion, employer or child as an "
                            "interpreter. Ask whether the person prefers a man or a woman, for both the interviewer and the "
                            "interpreter.</li>"
                            "<li><b>Introduction.</b> Say who you are, why you are talking to them, what will happen to the "
                            "information, and what the limits of confidentiality are. Tell them they may stop or ask for a "
                            "break.</li>"
                            "</ul>"
                            "<h2>Asking questions</h2>"
                            "<p>Start with open, neutral questions and let the person speak: “Can you tell me about your "
                            "work?”, “Where do you sleep?”, “Can you leave when you want to?”, “Who keeps your passport?”, "
                            "“Do you owe money to anyone?”, “Has anyone threatened you or your family?”. Avoid leading "
                            "questions that suggest an answer, and avoid “why” questions that sound like blame. You do not "
                            "need the whole story at this stage; you need enough to decide whether to refer.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Inconsistency is not a sign of lying",
                            "text": (
                                "<p>Trauma affects memory. Victims may forget dates, mix up the order of events, leave out "
                                "what shames them, or repeat a story their trafficker taught them before telling the truth "
                                "later. Do not treat gaps or contradictions as proof that a person is not credible.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>What not to do</h2>"
                            "<ul>"
                            "<li>Do not promise residence, money, a job or a quick return home unless you know it will "
                            "happen.</li>"
                            "<li>Do not ask the person to repeat the same account to several officials; every repetition "
                            "is a burden and a risk of retraumatisation.</li>"
                            "<li>Do not take photographs or copy documents without explaining why and recording the "
                            "person's agreement, unless the law requires it.</li>"
                            "<li>Do not contact the family, the employer or the embassy before checking that this is safe "
                            "and wanted.</li>"
                            "</ul>"
                            "<p>If the person is, or may be, under 18, stop the interview once their immediate safety is "
                            "ensured and call the child-protection services. Until age is established, treat the person as "
                            "a child.</p>"
                        )),
                        ("case_study", {
                            "title": "Four girls at the bus station",
                            "scenario": (
                                "<p>At the coach station in Niamey, a border and immigration officer checks a group "
                                "boarding the bus for Ouagadougou and Abidjan. A man of about forty is travelling with four "
                                "girls who look between 14 and 17 years old. He holds all their identity cards and says "
                                "they are his nieces, going to train as hairdressers with his sister in Abidjan. When the "
                                "officer asks one girl her aunt's name, she looks at the man before answering. The answers of "
                                "all four are almost identical.</p>"
                            ),
                            "question": "Which indicators do you see? How would you organise the next hour so that the girls are safe and you learn what you need?",
                            "discussion": (
                                "<p>The indicators include the adult holding all the documents, coached and identical "
                                "answers, the girl checking with the man before speaking, and a vague job offer far from "
                                "home. Because the girls appear to be children, the means element is not needed: if they are "
                                "being moved for the purpose of exploitation, it is trafficking whatever they or their "
                                "families agreed to.</p>"
                                "<p>Separate the girls from the man with a neutral reason, such as a routine document check, "
                                "and call the child-protection focal point. Speak with each girl in a private space, with a "
                                "female officer and a suitable interpreter if possible. Verify the man's claims about the "
                                "family without alerting him. Do not let the bus leave with the girls while these checks are "
                                "under way, and record what you observed precisely.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Attend to safety and urgent needs before asking about the journey.",
                                "Speak in private, separate the person from possible controllers and use an independent, trained interpreter.",
                                "Ask open questions, accept gaps and inconsistencies, and collect only what you need to decide on a referral.",
                                "Never promise what you cannot deliver, and avoid repeated interviews.",
                                "If the person may be a child, treat them as a child and bring in child-protection services.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "referral-and-assistance",
            "title": "Referral and assistance",
            "summary": "How a national referral mechanism works and how assisted voluntary return and reintegration can be made safe.",
            "lessons": [
                {
                    "slug": "national-referral-mechanisms",
                    "title": "How a national referral mechanism works",
                    "summary": "The actors, stages and rules of a national referral mechanism, from first identification to long-term support.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>No single service can do it alone</h2>"
                            "<p>Identifying a victim is only useful if something happens next. A national referral "
                            "mechanism is the framework through which state bodies and civil-society organisations agree "
                            "who identifies victims, who provides which service, how information passes between them and "
                            "how the victim's rights are protected along the way. In many countries it rests on a law or "
                            "decree, a national coordination body such as an anti-trafficking committee or agency, standard "
                            "operating procedures, and memoranda of understanding with shelters, health services, lawyers "
                            "and organisations that support return.</p>"
                            "<h2>The stages of a referral</h2>"
                            "<ol>"
                            "<li><b>Detection and first contact.</b> Any official or service provider who sees indicators "
                            "ensures the person's immediate safety and contacts the focal point named in the procedures.</li>"
                            "<li><b>Screening and identification.</b> A trained person collects enough information to "
                            "decide whether there are reasonable grounds to believe the person is a victim. In some "
                            "countries a designated authority then confirms the status formally. Assistance must start as "
                            "soon as there are reasonable grounds; it should not wait for formal identification or for the "
                            "end of a criminal case.</li>"
                            "<li><b>Immediate assistance.</b> Safe accommodation, medical care, psychological support, "
                            "interpretation, information about rights in a language the person understands, and legal "
                            "advice.</li>"
                            "<li><b>Recovery and reflection.</b> Time to recover and to decide, without pressure, whether "
                            "to cooperate with the authorities. The Council of Europe Convention sets a minimum of 30 "
                            "days, and many national procedures elsewhere provide a similar period.</li>"
                            "<li><b>Longer-term support.</b> Regularised stay where needed, education or vocational "
                            "training, help to find work, support during legal proceedings and, where the victim wishes, "
                            "compensation claims.</li>"
                            "<li><b>Durable solution.</b> Integration in the country where the person is, safe return and "
                            "reintegration in the country or region of origin, or, in rare cases, resettlement in a third "
                            "country.</li>"
                            "</ol>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Assistance is not a reward for testimony",
                            "text": (
                                "<p>Support for victims must not depend on their willingness to give evidence or to "
                                "cooperate with an investigation. The Council of Europe Convention on Action against "
                                "Trafficking in Human Beings (2005) and EU Directive 2011/36/EU say so explicitly, and "
                                "international guidance recommends the same rule everywhere. Victims who feel safe and "
                                "supported are, in any case, far more likely to testify.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Consent and information</h2>"
                            "<p>An adult victim is referred with their informed agreement. Explain which organisation will "
                            "receive their details, what that organisation will do, and what will happen if they refuse. "
                            "Share only the information the receiving service needs. Where a life is in immediate danger "
                            "you may act without consent, but record why. For a child, the referral to child protection is "
                            "made in every case, and the child's views are heard and taken into account.</p>"
                            "<p>Cases are not always within one country. When a victim is identified in Côte d'Ivoire and "
                            "comes from Burkina Faso, the two national mechanisms need to work together to assess risks, "
                            "trace family where appropriate and prepare the person's return or stay. This cooperation "
                            "across borders is often called a transnational referral mechanism.</p>"
                        )),
                        ("case_study", {
                            "title": "A domestic worker in Abidjan",
                            "scenario": (
                                "<p>During an inspection triggered by a complaint, a labour inspector in Abidjan visits a "
                                "household and speaks to Fatou, who says she is 19 and came from a village in Mali three "
                                "years ago. She works every day from 5 a.m. to midnight, has never been paid because her "
                                "wages are “sent to her uncle”, and has not left the house alone since she arrived. The "
                                "employer says she is “part of the family”. Fatou is frightened and asks the inspector not "
                                "to tell anyone what she said.</p>"
                            ),
                            "question": "What should the inspector do next, and how should Fatou's request for confidentiality be handled?",
                            "discussion": (
                                "<p>Unpaid work, excessive hours, restricted movement and wages paid to a third party are "
                                "strong indicators of domestic servitude. The inspector should make sure Fatou is safe today, "
                                "explain in simple words what help exists, and contact the focal point of the national "
                                "referral mechanism. Fatou's fear must be taken seriously: the inspector should explain who "
                                "needs to know what, and why, and share only what the receiving service needs. If Fatou "
                                "refuses to leave, the inspector can still give her contacts and arrange a follow-up visit. "
                                "If there is any doubt about her age, she should be treated as a child and child-protection "
                                "services should be called.</p>"
                            ),
                        }),
                        ("glossary_term", "national-referral-mechanism"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "A national referral mechanism sets out who identifies, who assists and how information moves between services.",
                                "Assistance starts when there are reasonable grounds to believe a person is a victim, not at the end of a trial.",
                                "Support must never depend on cooperation with the police or the prosecutor.",
                                "Refer adults with their informed agreement and share only what the receiving service needs; always refer children to child protection.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "return-and-reintegration",
                    "title": "Safe return and reintegration",
                    "summary": "When and how assisted voluntary return and reintegration can help victims, and the safeguards that must come first.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Return is one option, not the default</h2>"
                            "<p>Many victims of trafficking identified abroad want to go home. For them, assisted voluntary "
                            "return and reintegration offers organised travel, support on arrival and help to rebuild a "
                            "livelihood. But return is one possible outcome among several. Some victims cannot return "
                            "safely because the traffickers are from their own community, because their family was "
                            "involved, or because they would face stigma or reprisals. The Palermo Protocol asks states "
                            "returning a victim to give due regard to the person's safety and to any legal proceedings, "
                            "and says that return should preferably be voluntary.</p>"
                            "<h2>What makes a return voluntary</h2>"
                            "<p>Voluntariness has two parts. The person must choose freely, without physical or "
                            "psychological pressure, and must choose knowingly, with accurate information about the "
                            "situation at home, the support available and the alternatives, such as staying, applying for "
                            "residence or asylum, or claiming compensation. A choice between return and indefinite "
                            "detention is not a free choice.</p>"
                        )),
                        ("text", (
                            "<h2>Preparing a safe return</h2>"
                            "<ul>"
                            "<li><b>Risk assessment.</b> Before travel, assess the risk of reprisals, re-trafficking or "
                            "rejection, with input from services in the country of origin. Where risks cannot be reduced, "
                            "return should not go ahead.</li>"
                            "<li><b>Reintegration plan.</b> Prepare the plan with the person: housing, medical and "
                            "psychological follow-up, education or vocational training, and support for an income-earning "
                            "activity. Good plans work at three levels: the individual, the community that receives them, "
                            "and the local services that will carry on the support.</li>"
                            "<li><b>Legal proceedings.</b> Make sure that the victim's departure does not end their "
                            "access to justice. They may need to give evidence from abroad or claim compensation later.</li>"
                            "<li><b>Confidentiality.</b> Share with the authorities of the country of origin only the "
                            "information needed to organise travel and support, and only with the person's agreement. "
                            "Details of the exploitation must not reach people who could pass them on to the traffickers.</li>"
                            "<li><b>Follow-up.</b> Agree who will stay in contact after return and for how long.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Children are returned only in their best interests",
                            "text": (
                                "<p>A child victim is returned only after a best interests determination has concluded that "
                                "return is the right solution, and after the family or another caregiver in the country of "
                                "origin has been assessed as safe and able to care for the child. The child is escorted and "
                                "handed over to identified child-protection services, not simply put on a bus.</p>"
                            ),
                        }),
                        ("glossary_term", "avrr"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Assisted voluntary return and reintegration is one option among several; it must never be used to remove victims before their rights are secured.",
                                "Return is voluntary only when the choice is both free and informed, with real alternatives explained.",
                                "Assess risks before travel, prepare a reintegration plan with the person, and protect their access to justice.",
                                "Children are returned only after a best interests determination and a positive assessment of the family or caregiver.",
                            ],
                        }),
                    ],
                },
            ],
        },
    ],
}


LEGAL_FRAMEWORKS = {
    "slug": "legal-frameworks-against-trafficking",
    "title": "Legal frameworks against trafficking",
    "summary": (
        "A practical course on the law that governs the response to trafficking in persons: the Palermo Protocol and "
        "its parent convention, the human rights and regional instruments that complete it, national anti-trafficking "
        "laws, the non-punishment principle, victims' rights in proceedings, and how to investigate, charge and "
        "sentence trafficking cases."
    ),
    "description": (
        "<p>Trafficking cases are won or lost on the law: on whether the national definition matches the "
        "international one, on whether the victim is treated as a witness or as a suspect, and on whether "
        "investigators and prosecutors know how to prove each element of the offence. This course gives judges, "
        "prosecutors, investigators and the officials who draft or apply legislation a clear map of that law.</p>"
        "<p>The first module explains the international framework: the Palermo Protocol and the UN Convention "
        "against Transnational Organized Crime, the human rights treaties and regional instruments that sit beside "
        "them, and what a national law must contain. The second module is about the victim in the justice system: "
        "the non-punishment principle and the rights of victims during proceedings. The third module follows a case "
        "from investigation to sentencing.</p>"
        "<p>Examples refer to West African laws and courts. They are simplified for teaching; always check the "
        "current text of the law that applies in your country.</p>"
    ),
    "audiences": ["judiciary", "prosecution", "police", "border-police", "government"],
    "topics": ["legal-framework", "prosecution"],
    "outcomes": [
        "Describe the structure and main obligations of the Palermo Protocol and how it works together with the UN Convention against Transnational Organized Crime.",
        "Identify the human rights, labour and regional instruments relevant to trafficking and what a national anti-trafficking law must contain.",
        "Apply the non-punishment principle to offences committed by victims as a direct consequence of their trafficking.",
        "Protect victims' rights to privacy, safety, information, assistance and compensation during criminal proceedings.",
        "Plan an investigation that does not rely on the victim's testimony alone and prove each element of the offence at trial.",
    ],
    "hours": 3.0,
    "prerequisites": "Basic knowledge of criminal law and procedure. The course “Identifying and referring victims of trafficking” is a useful introduction but is not required.",
    "modules": [
        {
            "slug": "international-framework",
            "title": "The international and national framework",
            "summary": "The Palermo Protocol, the instruments that complete it and what a national law must contain.",
            "lessons": [
                {
                    "slug": "palermo-protocol",
                    "title": "The Palermo Protocol and the Organized Crime Convention",
                    "summary": "Where the Protocol comes from, how it is organised and what it requires states to do.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>A definition the world did not have</h2>"
                            "<p>Before 2000 there was no agreed international definition of trafficking in persons. Older "
                            "treaties, such as the 1949 Convention for the Suppression of the Traffic in Persons and of the "
                            "Exploitation of the Prostitution of Others, dealt mainly with prostitution and said little "
                            "about forced labour, domestic servitude or the protection of victims. Governments negotiating "
                            "a new convention against organised crime in the late 1990s decided to add specific protocols "
                            "on the crimes that most concerned them.</p>"
                            "<p>The result was the United Nations Convention against Transnational Organized Crime, "
                            "adopted by the General Assembly on 15 November 2000 together with two protocols: one to "
                            "prevent, suppress and punish trafficking in persons, especially women and children, and one "
                            "against the smuggling of migrants by land, sea and air. A third protocol, on firearms, followed "
                            "in 2001. The texts were opened for signature at a conference in Palermo, Italy, in December "
                            "2000, which is why the trafficking protocol is known as the Palermo Protocol. It entered into "
                            "force on 25 December 2003 and now binds more than 180 states.</p>"
                            "<h2>How the Protocol is organised</h2>"
                            "<ul>"
                            "<li><b>General provisions.</b> Article 2 states three purposes: to prevent and combat "
                            "trafficking with particular attention to women and children, to protect and assist victims "
                            "with full respect for their human rights, and to promote cooperation between states. Article "
                            "3 contains the definition. Article 5 requires states to make trafficking a criminal offence, "
                            "together with attempting it, acting as an accomplice and organising or directing others to "
                            "commit it.</li>"
                            "<li><b>Protection of victims (Articles 6 to 8).</b> Privacy and confidentiality of proceedings, "
                            "information and the chance to be heard in court, measures for physical, psychological and "
                            "social recovery, physical safety, the possibility of obtaining compensation, permission to "
                            "remain temporarily or permanently, and return with due regard for safety, preferably on a "
                            "voluntary basis.</li>"
                            "<li><b>Prevention and cooperation (Articles 9 to 13).</b> Prevention policies that address "
                            "poverty, underdevelopment and lack of equal opportunity, discouraging the demand that fosters "
                            "exploitation, information exchange and training, border measures, and the security and "
                            "verification of travel documents.</li>"
                            "<li><b>Saving clause (Article 14).</b> Nothing in the Protocol affects the rights and "
                            "obligations of states under international humanitarian law, human rights law and refugee law, "
                            "including the principle of non-refoulement.</li>"
                            "</ul>"
                            "<p>The protection provisions are worded more softly than the criminal ones: states must "
                            "criminalise, but they are asked to “consider” many of the assistance measures “in appropriate "
                            "cases”. Human rights law and regional treaties, covered in the next lesson, have since made "
                            "several of those measures firmer obligations.</p>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Read the Protocol together with the Convention",
                            "text": (
                                "<p>The Protocol is interpreted together with its parent convention, whose tools apply to "
                                "trafficking cases: extradition (Article 16), mutual legal assistance (Article 18), joint "
                                "investigations (Article 19), special investigative techniques (Article 20), confiscation "
                                "of proceeds (Articles 12 to 14), and the protection of witnesses and assistance to victims "
                                "(Articles 24 and 25). Article 34(2) of the Convention requires states to make these offences "
                                "crimes in national law whether or not they are transnational and whether or not an "
                                "organised criminal group is involved.</p>"
                            ),
                        }),
                        ("glossary_term", "palermo-protocol"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "The Palermo Protocol was adopted in 2000 with the UN Convention against Transnational Organized Crime and entered into force on 25 December 2003.",
                                "It gave the world its first agreed definition of trafficking in persons (Article 3) and requires states to criminalise it (Article 5).",
                                "Its three purposes are prevention, protection of victims with full respect for their human rights, and cooperation; prosecution is the means.",
                                "The Convention's tools, such as mutual legal assistance, extradition and confiscation, apply to trafficking cases.",
                                "National law must criminalise trafficking even when no border is crossed and no organised group is involved.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "human-rights-and-regional-instruments",
                    "title": "Human rights, labour and regional instruments",
                    "summary": "The other treaties that shape the response to trafficking, in Africa and beyond.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Trafficking is a human rights issue</h2>"
                            "<p>The Palermo Protocol is a criminal-justice treaty. The obligation to protect victims, "
                            "however, also flows from human rights law, which applies to every person within a state's "
                            "jurisdiction, whatever their nationality or status. Several instruments matter in daily "
                            "practice:</p>"
                            "<ul>"
                            "<li>the Universal Declaration of Human Rights (Article 4) and the International Covenant on "
                            "Civil and Political Rights (Article 8), which prohibit slavery, servitude and forced labour;</li>"
                            "<li>the Convention on the Elimination of All Forms of Discrimination against Women (1979), "
                            "whose Article 6 requires states to suppress all forms of traffic in women;</li>"
                            "<li>the Convention on the Rights of the Child (1989), whose Article 35 requires states to "
                            "prevent the abduction, sale or traffic of children, and its Optional Protocol on the sale of "
                            "children, child prostitution and child pornography (2000);</li>"
                            "<li>the International Convention on the Protection of the Rights of All Migrant Workers and "
                            "Members of Their Families (1990).</li>"
                            "</ul>"
                            "<h2>Labour standards</h2>"
                            "<p>The International Labour Organization's Forced Labour Convention, 1930 (No. 29), and "
                            "Abolition of Forced Labour Convention, 1957 (No. 105), prohibit forced labour. The Worst "
                            "Forms of Child Labour Convention, 1999 (No. 182), lists the sale and trafficking of children "
                            "among the worst forms that states must eliminate as a matter of urgency. The 2014 Protocol to "
                            "Convention No. 29 requires measures on prevention, protection and access to remedies, "
                            "including compensation, and asks states to ensure that victims of forced labour are not "
                            "punished for unlawful acts they were compelled to commit.</p>"
                        )),
                        ("text", (
                            "<h2>African and West African instruments</h2>"
                            "<ul>"
                            "<li>The <b>African Charter on the Rights and Welfare of the Child</b> (1990, in force 1999) "
                            "requires states to prevent the sale, trafficking and abduction of children (Article 29) and "
                            "makes the best interests of the child <i>the</i> primary consideration (Article 4), a stronger "
                            "wording than in the UN Convention.</li>"
                            "<li>The <b>Maputo Protocol</b> on the rights of women in Africa (2003) requires states to "
                            "prevent and condemn trafficking in women, prosecute traffickers and protect women most at "
                            "risk.</li>"
                            "<li>The <b>ECOWAS Declaration on the Fight against Trafficking in Persons</b>, adopted by "
                            "heads of state in Dakar in December 2001 with an initial plan of action, committed member "
                            "states to criminalise trafficking, create national task forces and specialised units, and "
                            "cooperate on the protection and repatriation of victims. Later regional plans and "
                            "cooperation agreements on child trafficking built on it.</li>"
                            "</ul>"
                            "<h2>European instruments</h2>"
                            "<p>Because many West African victims are exploited in or routed towards Europe, practitioners "
                            "also meet European law. The <b>Council of Europe Convention on Action against Trafficking in "
                            "Human Beings</b> (2005, in force 2008) turned many optional measures into obligations: "
                            "identification procedures, a recovery and reflection period of at least 30 days, assistance "
                            "not conditional on cooperation, residence permits and non-punishment. It is monitored by an "
                            "expert group known as GRETA and is open to states outside Europe. <b>EU Directive "
                            "2011/36/EU</b> sets binding rules for EU member states on offences, penalties, assistance "
                            "and child victims; it was amended in 2024 to cover further forms of exploitation, including "
                            "forced marriage and illegal adoption.</p>"
                        )),
                        ("callout", {
                            "kind": "note",
                            "title": "Guidance matters too",
                            "text": (
                                "<p>Not every useful text is a treaty. The UN Recommended Principles and Guidelines on "
                                "Human Rights and Human Trafficking (2002) state that the human rights of trafficked "
                                "persons must be at the centre of all efforts, and that victims should not be detained, "
                                "charged or prosecuted for irregular entry or for unlawful acts that are a direct consequence "
                                "of their trafficking. Courts and prosecutors can draw on such guidance when interpreting "
                                "national law.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Human rights law protects every victim within a state's jurisdiction, whatever their nationality or migration status.",
                                "ILO Conventions No. 29, No. 105 and No. 182 and the 2014 Protocol to Convention No. 29 address forced labour and child trafficking.",
                                "The African Children's Charter makes the child's best interests the primary consideration; the Maputo Protocol and the 2001 ECOWAS Declaration commit states to act against trafficking.",
                                "The Council of Europe Convention and EU Directive 2011/36/EU turn many protection measures into binding obligations for the states concerned.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "national-law",
                    "title": "Bringing the definition into national law",
                    "summary": "What a national anti-trafficking law needs to contain, with West African examples.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>From treaty to statute</h2>"
                            "<p>Ratifying the Palermo Protocol is only the first step. In most legal systems a judge can "
                            "convict only on the basis of an offence defined in national law, with a penalty fixed by law. "
                            "States therefore adopt specific anti-trafficking laws or add provisions to their penal codes. "
                            "Many West African states have done so: Senegal in 2005, Burkina Faso in 2008, Niger in 2010 "
                            "and Côte d'Ivoire in 2016, among others, several of them with separate provisions on the "
                            "trafficking and worst forms of labour of children.</p>"
                            "<h2>A checklist for a sound law</h2>"
                            "<ul>"
                            "<li><b>Definition.</b> It follows the three elements of Article 3, covers all forms of "
                            "exploitation in the Protocol and, if the legislator wishes, others such as forced begging or "
                            "forced criminality.</li>"
                            "<li><b>Children.</b> It states that the means element is not required when the victim is under "
                            "18.</li>"
                            "<li><b>Consent.</b> It states that the victim's consent is irrelevant once a means has been "
                            "used.</li>"
                            "<li><b>Scope.</b> It does not require that a border be crossed, that an organised group be "
                            "involved, or that exploitation actually have taken place.</li>"
                            "<li><b>Penalties.</b> They reflect the gravity of the crime. The Organized Crime Convention "
                            "defines a serious crime as one punishable by at least four years' deprivation of liberty; "
                            "trafficking laws usually provide far more, with heavier penalties where the victim is a child, "
                            "where the offender is a public official or a family member, where an organised group is "
                            "involved, or where the victim is seriously harmed or dies.</li>"
                            "<li><b>Legal persons.</b> Companies and associations that profit from trafficking can be held "
                            "liable.</li>"
                            "<li><b>Victims' rights.</b> Non-punishment, assistance and protection, a reflection period, "
                            "residence where needed, privacy in proceedings and access to compensation.</li>"
                            "<li><b>Institutions.</b> A national coordination body, a national action plan, a referral "
                            "mechanism and the collection of data on cases.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Interpret national law in the light of the treaty",
                            "text": (
                                "<p>Where a national provision is ambiguous, judges in many systems interpret it in the way "
                                "that best fits the state's international obligations. Knowing the Protocol's definition "
                                "helps to read “exploitation”, “abuse of vulnerability” or “consent” in the national text "
                                "consistently with it.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "“They never left the country”",
                            "scenario": (
                                "<p>In Ouagadougou, a man is tried for recruiting six adolescents from villages in the east of "
                                "Burkina Faso and placing them on an artisanal gold-mining site, where they dug for twelve "
                                "hours a day and received no pay. His lawyer argues that this cannot be trafficking: the "
                                "children never crossed a border, his client acted alone rather than as part of a network, "
                                "and the parents had agreed to the departure in exchange for a bicycle and a sack of "
                                "rice.</p>"
                            ),
                            "question": "How would you answer each of the three arguments put forward by the defence?",
                            "discussion": (
                                "<p>First, crossing a border is not an element of trafficking in the Protocol, and national "
                                "laws in the region do not require it. Second, the Convention requires states to criminalise "
                                "trafficking whether or not an organised group is involved; a single offender can commit the "
                                "offence. Third, the victims are children, so no means needs to be proved, and in any case a "
                                "payment given to the parents to obtain their agreement is itself one of the means listed in "
                                "the definition. The court should check the wording of the national law, but on all three "
                                "points it will normally reflect the Protocol.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Ratification is not enough: a judge needs an offence and a penalty defined in national law.",
                                "A sound law follows Article 3, contains the child rule and the consent rule, and requires neither a border crossing nor an organised group.",
                                "Penalties should be severe, with aggravating circumstances for child victims, public officials, organised groups and serious harm.",
                                "The law should also protect victims and create the institutions that coordinate the national response.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "victims-in-the-justice-system",
            "title": "The victim in the justice system",
            "summary": "Why victims must not be punished for what they were forced to do, and how their rights are protected in proceedings.",
            "lessons": [
                {
                    "slug": "non-punishment-principle",
                    "title": "The non-punishment principle",
                    "summary": "The sources, scope and practical application of the principle that victims are not punished for offences they were compelled to commit.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>Why the principle exists</h2>"
                            "<p>Victims of trafficking often break the law. They cross borders irregularly, carry false "
                            "passports supplied by the recruiter, work without a permit, beg, sell sex where this is an "
                            "offence, grow or carry drugs, or steal. Traffickers know this and use it: a victim who fears "
                            "arrest will not go to the police. Punishing the victim therefore does double harm. It "
                            "victimises the person again and it protects the trafficker by silencing the most important "
                            "witness.</p>"
                            "<h2>Where the principle comes from</h2>"
                            "<p>The Palermo Protocol itself contains no non-punishment clause. The principle developed "
                            "around it:</p>"
                            "<ul>"
                            "<li>the UN Recommended Principles and Guidelines on Human Rights and Human Trafficking (2002) "
                            "say that trafficked persons should not be detained, charged or prosecuted for irregular entry "
                            "or residence or for unlawful activities that are a direct consequence of their situation;</li>"
                            "<li>the working group on trafficking set up under the Organized Crime Convention has "
                            "recommended that states consider not punishing or prosecuting victims for such acts;</li>"
                            "<li>Article 26 of the Council of Europe Convention (2005) obliges states to provide for the "
                            "possibility of not imposing penalties on victims for unlawful activities they were compelled to "
                            "take part in;</li>"
                            "<li>Article 8 of EU Directive 2011/36/EU requires that national authorities be entitled not to "
                            "prosecute or penalise victims for criminal activities they were compelled to commit as a direct "
                            "consequence of being trafficked;</li>"
                            "<li>the 2014 ILO Protocol to the Forced Labour Convention contains a similar rule for victims "
                            "of forced labour;</li>"
                            "<li>the OSCE published detailed policy and legislative recommendations on applying the "
                            "principle in 2013.</li>"
                            "</ul>"
                        )),
                        ("text", (
                            "<h2>What it covers</h2>"
                            "<p>The principle is about the link between the offence and the trafficking. International "
                            "guidance describes two complementary tests: the victim was <b>compelled</b> to commit the "
                            "offence, by any of the means in the definition, including abuse of vulnerability; or the "
                            "offence was a <b>direct consequence</b> of being trafficked. For a child, whose trafficking "
                            "does not require any means, it is enough that the offence is linked to the exploitation.</p>"
                            "<p>The principle applies to criminal, administrative and immigration offences, and to every "
                            "stage: arrest, detention, prosecution, conviction, sentence and penalties such as fines or "
                            "removal. Where a victim has already been convicted, records should be reviewed and, where "
                            "possible, cleared. The principle is not a blanket immunity: each case is assessed on its "
                            "facts. The OSCE recommends, however, that no category of offence be excluded in advance.</p>"
                            "<h2>Applying it in practice</h2>"
                            "<ul>"
                            "<li>Identify early. The principle cannot be applied to a person no one has recognised as a "
                            "victim. Police and prosecutors should screen suspects for trafficking indicators.</li>"
                            "<li>Where the law has no explicit provision, use prosecutorial discretion, defences such as "
                            "duress or necessity, and sentencing mitigation.</li>"
                            "<li>Judges can raise the question themselves when the file shows indicators.</li>"
                            "<li>Avoid immigration detention of presumed victims and suspend removal until identification "
                            "is complete.</li>"
                            "</ul>"
                        )),
                        ("case_study", {
                            "title": "A forged passport at Dakar airport",
                            "scenario": (
                                "<p>Mariam, 22, is arrested at Dakar airport with a forged passport while trying to board a "
                                "flight to Europe. In police custody she explains that a woman in Abidjan offered her a job "
                                "as a salesperson abroad, arranged her travel and gave her the passport. She says she now "
                                "owes this woman 3 million CFA francs, that she has been kept in an apartment in Dakar for "
                                "three weeks, and that the woman threatened to harm her younger sister if she spoke to "
                                "anyone. The prosecutor's office is preparing to charge her with using a forged "
                                "document.</p>"
                            ),
                            "question": "As the prosecutor, how would you decide whether to charge Mariam, and what else should happen?",
                            "discussion": (
                                "<p>The file contains strong indicators that Mariam is a victim: deceptive recruitment, a "
                                "large debt, confinement and threats against her family. The forged passport was supplied by "
                                "the recruiter and used as part of the trafficking process, so the offence appears to be a "
                                "direct consequence of her situation. The prosecutor should suspend the charge, refer Mariam "
                                "to the national referral mechanism for assistance, and open an investigation into the "
                                "recruiter, coordinating with Ivorian authorities through mutual legal assistance. Whether or "
                                "not she agrees to testify, she should not be prosecuted for the document offence.</p>"
                            ),
                        }),
                        ("glossary_term", "non-punishment-principle"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Victims must not be punished for offences they were compelled to commit, or that were a direct consequence of their trafficking.",
                                "The principle is found in Council of Europe Convention art. 26, EU Directive 2011/36/EU art. 8, the 2014 ILO Protocol and UN and OSCE guidance.",
                                "It covers criminal, administrative and immigration offences and every stage from arrest to sentence.",
                                "It is applied case by case and depends on early identification of the victim.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "victims-rights-in-proceedings",
                    "title": "Victims' rights during proceedings",
                    "summary": "Privacy, safety, information, support and compensation for victims who take part in criminal cases.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>A witness who needs protection</h2>"
                            "<p>For many victims a criminal trial is a frightening experience. They may face the accused "
                            "in a courtroom, be asked humiliating questions about their sexual life or their honesty, and "
                            "see their name in the newspaper. Their families may be threatened at home. The Palermo "
                            "Protocol (Article 6) and the Organized Crime Convention (Articles 24 and 25) require states "
                            "to protect the privacy and physical safety of victims and witnesses and to allow victims' "
                            "views to be presented and considered at appropriate stages of proceedings against offenders. "
                            "Most national anti-trafficking laws repeat these duties.</p>"
                            "<h2>Measures available to courts and prosecutors</h2>"
                            "<ul>"
                            "<li><b>Privacy.</b> Hearings held in private, names and images withheld from the public and "
                            "the media, addresses kept out of the file that the defence receives where the law allows.</li>"
                            "<li><b>Testimony without confrontation.</b> Screens, video links, pre-recorded statements, or "
                            "the accused leaving the room during the victim's testimony.</li>"
                            "<li><b>Fair questioning.</b> Preventing questions about the victim's sexual history or "
                            "character that have no bearing on the case, and limiting repeated interviews.</li>"
                            "<li><b>Information.</b> Telling the victim, in a language they understand, how the case is "
                            "progressing, when hearings take place, and when the accused is released.</li>"
                            "<li><b>Support.</b> A lawyer, an interpreter, and a support person or social worker during "
                            "hearings.</li>"
                            "<li><b>Safety.</b> Risk assessments, protection orders and, in serious cases, witness "
                            "protection programmes that can extend to family members.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "note",
                            "title": "Child victims and witnesses",
                            "text": (
                                "<p>Children should be interviewed by specially trained professionals, ideally once, with "
                                "the interview recorded so that it can be used in court instead of repeated testimony. A "
                                "guardian or support person should be present, hearings should be adapted to the child's "
                                "age, and the case should be handled without delay.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Compensation</h2>"
                            "<p>Article 6(6) of the Palermo Protocol requires states to ensure that their legal system "
                            "offers victims the possibility of obtaining compensation for damage suffered. In practice "
                            "this can take the form of a civil claim joined to the criminal case, a compensation order "
                            "against the convicted offender, payment from assets confiscated from the offender, or a state "
                            "compensation fund. Victims need legal help to make a claim, and they often leave the country "
                            "before the case ends, so the claim should be prepared early and the victim's address for "
                            "payment recorded securely.</p>"
                            "<h2>Credibility and secondary victimisation</h2>"
                            "<p>Judges and prosecutors sometimes doubt victims who disclosed late, changed their account, "
                            "returned to the trafficker or did not try to escape. These behaviours are common among "
                            "people who have been controlled through fear, debt or dependence, and they are not in "
                            "themselves signs of dishonesty. Assess the account as a whole, look for corroborating "
                            "evidence and, where useful, hear an expert on the effects of trauma.</p>"
                        )),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "States must protect victims' privacy and physical safety and allow their views to be heard in proceedings.",
                                "Courts can use private hearings, screens, video links and recorded statements to spare victims confrontation with the accused.",
                                "Child victims should be interviewed once, by trained professionals, with a guardian or support person present.",
                                "Victims must have a real possibility of obtaining compensation; prepare the claim early.",
                                "Late disclosure or inconsistencies are common effects of trauma and control, not proof of dishonesty.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "investigating-and-prosecuting",
            "title": "Investigating and prosecuting trafficking",
            "summary": "Building a case on more than the victim's word, choosing the right charges and arguing them in court.",
            "lessons": [
                {
                    "slug": "building-a-case",
                    "title": "Building a case beyond the victim's testimony",
                    "summary": "Sources of evidence, financial investigation and international cooperation.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>The risk of relying on one witness</h2>"
                            "<p>Many trafficking cases rest entirely on the victim's statement. Such cases are fragile. "
                            "Victims may be threatened into withdrawing, may return home before the trial, may have been "
                            "told to lie, or may simply be too traumatised to give evidence. A case that collapses when "
                            "the victim leaves the witness box also puts enormous pressure on that person. Good practice "
                            "is therefore to combine a victim-centred approach, which puts the victim's safety and "
                            "recovery first, with an evidence-led investigation that looks for proof elsewhere.</p>"
                            "<h2>Where to find evidence</h2>"
                            "<ul>"
                            "<li><b>Recruitment.</b> Advertisements, social media messages, job offers, contracts, "
                            "testimony from families and other recruits.</li>"
                            "<li><b>Transport.</b> Bus company passenger lists, border crossing records, tickets, hotel "
                            "registers, the records of vehicles stopped at checkpoints.</li>"
                            "<li><b>Exploitation.</b> Observation and surveillance of the workplace, testimony from "
                            "neighbours, clients, co-workers and labour inspectors, medical records, photographs of "
                            "living conditions.</li>"
                            "<li><b>Control.</b> Seized identity documents, notebooks recording debts, threatening "
                            "messages, evidence of confinement.</li>"
                            "<li><b>Communications.</b> Telephone records and the content of seized phones, obtained under "
                            "the procedures the law provides.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Follow the money",
                            "text": (
                                "<p>Trafficking is committed for profit, and profit leaves traces: mobile money transfers, "
                                "remittances, bank accounts, property bought in relatives' names. A parallel financial "
                                "investigation can prove the organisation and the profits of a network without any victim "
                                "testimony, support charges of money laundering, and identify assets that can be frozen, "
                                "confiscated and used to compensate victims, as Article 12 of the Organized Crime "
                                "Convention envisages.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Working across borders</h2>"
                            "<p>When recruitment happens in one country and exploitation in another, evidence is spread "
                            "across jurisdictions. The Organized Crime Convention can serve as the legal basis for mutual "
                            "legal assistance (Article 18) and extradition (Article 16) between states that have no "
                            "bilateral treaty. In West Africa, ECOWAS conventions on mutual assistance in criminal matters "
                            "and on extradition also apply between member states. Informal police-to-police contacts, "
                            "through liaison officers, regional police cooperation bodies or INTERPOL, help to prepare "
                            "formal requests and to act quickly. For complex networks, states can set up joint "
                            "investigation teams (Article 19).</p>"
                            "<p>Cooperation also involves the victim's data. Before sending a victim's identity or "
                            "statement to another country, check what will be done with it and whether it could reach "
                            "people linked to the traffickers.</p>"
                        )),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Cases that rest only on the victim's testimony are fragile and put heavy pressure on the victim.",
                                "Look for evidence of recruitment, transport, exploitation and control from many sources.",
                                "A financial investigation can prove the network's profits, support money-laundering charges and fund compensation.",
                                "Use the Organized Crime Convention and regional agreements for mutual legal assistance, extradition and joint investigations.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "charging-and-sentencing",
                    "title": "Charging, trial and sentencing",
                    "summary": "Choosing the right charges, proving each element and answering common defence arguments.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>Choosing the charge</h2>"
                            "<p>Prosecutors sometimes charge a trafficker with an offence that is easier to prove, such as "
                            "procuring, illegal employment, facilitating irregular entry or a child-labour offence. This "
                            "may secure a conviction, but usually with a much lighter penalty, without recognition of the "
                            "victims as victims of trafficking, and with statistics that hide the real scale of the crime. "
                            "Where the evidence supports it, charge trafficking, and add other offences that were "
                            "committed along the way, such as rape, assault, forgery or money laundering.</p>"
                            "<h2>Proving each element</h2>"
                            "<ul>"
                            "<li><b>Act.</b> Show what the accused did: recruiting, transporting, transferring, harbouring "
                            "or receiving. Evidence from several witnesses and records usually does this.</li>"
                            "<li><b>Means.</b> For deception, compare what was promised with what happened. For abuse of a "
                            "position of vulnerability, show the victim's situation, such as poverty, irregular status, "
                            "debt, youth or isolation, and that the accused knew of it and used it. For a child, no means "
                            "need be proved.</li>"
                            "<li><b>Purpose.</b> Prove the intention to exploit. It can be inferred from the "
                            "circumstances, such as the workplace prepared in advance or the way earlier recruits were "
                            "treated. It is not necessary to prove that exploitation actually took place.</li>"
                            "</ul>"
                        )),
                        ("text", (
                            "<h2>Common defence arguments</h2>"
                            "<ul>"
                            "<li><b>“The victim agreed.”</b> Consent is irrelevant once a means was used, and always "
                            "irrelevant for a child.</li>"
                            "<li><b>“The victim was paid.”</b> Receiving some money does not exclude forced labour or "
                            "sexual exploitation, particularly if most of it was taken back as debt repayment.</li>"
                            "<li><b>“The victim could have left.”</b> The law does not require physical confinement. Debt, "
                            "threats to family, confiscated documents and fear of the police are forms of control.</li>"
                            "<li><b>“It is our tradition.”</b> Entrusting a child to relatives so that they can study or "
                            "learn a trade is a long-standing practice in the region and is not in itself an offence. "
                            "Exploiting the child is, whatever the family relationship.</li>"
                            "<li><b>“The victim withdrew the complaint.”</b> Trafficking is prosecuted in the public "
                            "interest; a withdrawn statement calls for an inquiry into pressure on the witness and for "
                            "other evidence.</li>"
                            "</ul>"
                            "<h2>Sentencing</h2>"
                            "<p>Apply the aggravating circumstances set out in the law, such as a child victim, a public "
                            "official, an organised group or serious harm. Order confiscation of proceeds and compensation "
                            "for victims, and give victims the opportunity to describe the harm they suffered.</p>"
                        )),
                        ("case_study", {
                            "title": "The defence of consent",
                            "scenario": (
                                "<p>In a trial in Dakar, Mr K. is accused of recruiting five young women in Abidjan with "
                                "promises of work in hair salons. On arrival each was told she owed 1.5 million CFA francs "
                                "for travel and lodging and was sent to work in a bar where she was made to have sex with "
                                "clients. His lawyer argues that the women knew they would work in a bar, kept part of what "
                                "they earned, and went shopping alone every week, so they could have left at any time.</p>"
                            ),
                            "question": "How should the prosecution answer these arguments, and what evidence would help?",
                            "discussion": (
                                "<p>Knowing that they would work in a bar is not the same as agreeing to sexual "
                                "exploitation, and in any case consent is irrelevant where deception and debt bondage were "
                                "used. Keeping a small part of the earnings does not cancel exploitation when the rest went "
                                "to repay an inflated debt. Being allowed out alone does not mean the women were free: debt, "
                                "threats and lack of money or documents can keep a person in place as effectively as a locked "
                                "door. Useful evidence would include the debt records, money transfers by the accused, "
                                "testimony from the bar's staff and clients, messages between the accused and the women, and "
                                "the experience of other women he recruited.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Charge trafficking when the evidence supports it, together with any other offences committed; lesser charges hide the crime.",
                                "Prove the act, the means (except for children) and the purpose; actual exploitation need not be proved.",
                                "Consent, partial payment, apparent freedom of movement and family ties do not defeat a trafficking charge.",
                                "At sentencing, apply aggravating circumstances and order confiscation and compensation.",
                            ],
                        }),
                    ],
                },
            ],
        },
    ],
}


MANAGING_RECEPTION_CENTRES = {
    "slug": "managing-reception-centres",
    "title": "Managing reception centres",
    "summary": (
        "For managers and staff of reception, transit and shelter facilities: how to run a centre that is safe, "
        "dignified and accountable, from registration and vulnerability screening to safeguarding, prevention of "
        "sexual exploitation and abuse and complaints, with a full module on protecting unaccompanied and separated "
        "children in their best interests."
    ),
    "description": (
        "<p>A reception centre is often the first place where a migrant, an asylum seeker or a victim of "
        "trafficking feels safe again, or the place where they are exposed to new harm. What makes the difference "
        "is rarely the building. It is the way the centre is managed: who is registered and how, whether staff "
        "notice the people at greatest risk, how power over food, beds and information is used, and whether "
        "residents can complain without fear.</p>"
        "<p>The first module covers the purpose and minimum standards of a centre, registration and the "
        "identification of vulnerable people, safeguarding and the code of conduct, and complaints and "
        "participation. The second module is devoted to unaccompanied and separated children: who they are, what "
        "must happen in the first days, how the best interests procedure works, and how age assessment, family "
        "tracing and the search for a durable solution should be carried out.</p>"
        "<p>The course draws on international standards and on the experience of transit and reception centres in "
        "West Africa. All cases are fictional.</p>"
    ),
    "audiences": ["social-services", "ngo", "government", "border-police"],
    "topics": ["reception", "child-protection"],
    "outcomes": [
        "Describe the functions of a reception centre and the minimum standards for shelter, water, sanitation, safety and information.",
        "Organise registration and ongoing vulnerability screening that respect confidentiality and identify people with specific needs.",
        "Apply a code of conduct, the core principles on protection from sexual exploitation and abuse, and a safe, accessible complaints mechanism.",
        "Take the first protective steps for an unaccompanied or separated child, including guardianship and a care arrangement without detention.",
        "Explain when a best interests assessment or a best interests determination is needed, and how age assessment and family tracing must be conducted.",
    ],
    "hours": 3.0,
    "prerequisites": "None. Staff who work with children should also follow their organisation's child-safeguarding induction.",
    "modules": [
        {
            "slug": "running-a-safe-centre",
            "title": "Running a safe and accountable centre",
            "summary": "Purpose and standards, registration, safeguarding and complaints.",
            "lessons": [
                {
                    "slug": "purpose-and-standards",
                    "title": "What a reception centre is for",
                    "summary": "The functions of a centre, the minimum standards it must meet and how it should be organised.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>More than a roof</h2>"
                            "<p>Reception centres take many forms: a transit centre for migrants returning home, a shelter "
                            "for victims of trafficking, a centre for asylum seekers, an emergency site opened after a mass "
                            "arrival. Some are run by the state, others by international or national organisations. "
                            "Whatever the model, a centre has five functions:</p>"
                            "<ol>"
                            "<li><b>Safety.</b> Protection from violence, exploitation and the weather.</li>"
                            "<li><b>Basic needs.</b> Food, drinking water, sanitation, hygiene items, clothing and "
                            "access to health care.</li>"
                            "<li><b>Information.</b> Clear information, in languages residents understand, about their "
                            "rights, the centre's rules, available services and the procedures that concern them.</li>"
                            "<li><b>Identification and referral.</b> Recognising people with specific needs and connecting "
                            "them with the services that can help: medical care, psychosocial support, legal aid, child "
                            "protection, the national referral mechanism for victims of trafficking, asylum procedures or "
                            "assisted voluntary return.</li>"
                            "<li><b>Dignity.</b> Privacy, respect, and as much control as possible over one's own "
                            "daily life.</li>"
                            "</ol>"
                            "<h2>A centre is not a place of detention</h2>"
                            "<p>Reception centres are open facilities. Residents may be asked to respect rules, such as a "
                            "curfew, for the safety of all, but any deprivation of liberty must have a basis in law, be "
                            "necessary and proportionate, and be subject to review. Children must never be detained because "
                            "of their or their parents' migration status.</p>"
                        )),
                        ("text", (
                            "<h2>Minimum standards</h2>"
                            "<p>Humanitarian minimum standards, such as those of the Sphere Handbook, give useful "
                            "benchmarks. In a communal setting they include:</p>"
                            "<ul>"
                            "<li>at least 3.5 square metres of covered living space per person, not counting cooking, "
                            "washing and toilet areas;</li>"
                            "<li>at least 15 litres of water per person per day for drinking, cooking and personal "
                            "hygiene;</li>"
                            "<li>no more than 20 people per toilet, with separate facilities for women and men that lock "
                            "from the inside and are well lit at night, and more toilets for women than for men;</li>"
                            "<li>menstrual hygiene items and a private place to wash and dry them;</li>"
                            "<li>physical access for people with disabilities and older people.</li>"
                            "</ul>"
                            "<p>Safety should be designed into the layout. Unaccompanied children, single women and "
                            "families need separate sleeping areas; paths to toilets and showers need lighting; doors to "
                            "dormitories need locks; staff must know who is on site at night.</p>"
                            "<h2>Organisation</h2>"
                            "<p>A well-run centre has a manager with clear authority, written standard operating "
                            "procedures, defined roles for registration, protection, health and logistics, a roster that "
                            "ensures female staff are present at all times, and agreements with the outside services to "
                            "which residents are referred. Residents are involved through committees that include women, "
                            "young people and people with disabilities.</p>"
                        )),
                        ("callout", {
                            "kind": "note",
                            "title": "Minimum means minimum",
                            "text": (
                                "<p>Sphere figures were designed for emergencies. Where a centre receives people for weeks or "
                                "months, or where national standards are higher, aim above them. Overcrowding is not only a "
                                "matter of comfort: it increases tension, disease and the risk of violence.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "A reception centre provides safety, basic needs, information, identification and referral, and dignity.",
                                "Centres are open facilities; children are never detained because of migration status.",
                                "Use minimum standards, such as 3.5 m² per person, 15 litres of water per person per day and at most 20 people per toilet, as a floor, not a target.",
                                "Design safety into the layout and staffing: separate areas, lighting, locks and female staff at all times.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "registration-and-vulnerability-screening",
                    "title": "Registration and identifying people with specific needs",
                    "summary": "How to register residents with respect for confidentiality and how to spot those at greatest risk.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Why registration matters</h2>"
                            "<p>Registration tells the centre who is present, allows services to be planned, helps to find "
                            "separated family members and is the first chance to notice people at risk. Done badly, in a "
                            "crowded hall, with an adult speaking for the whole family, it misses the very people it "
                            "should find.</p>"
                            "<h2>Good practice at registration</h2>"
                            "<ul>"
                            "<li>Register each adult individually, in a space where others cannot overhear, so that a woman "
                            "can speak without her husband or a companion present.</li>"
                            "<li>Collect only what is needed at this stage: name, sex, age or date of birth, nationality, "
                            "languages spoken, family members present in the centre, specific needs, and whether the person "
                            "agrees to be contacted. Leave detailed questions about the journey or past harm to trained "
                            "staff later.</li>"
                            "<li>Record children with the adult who accompanies them, and check the relationship with "
                            "simple, separate questions. An adult who cannot name a child's parents or village is a reason "
                            "for further enquiry.</li>"
                            "<li>Explain why the information is collected, who will see it and how it will be protected.</li>"
                            "<li>Give each resident a card or number so that they can access services without repeating "
                            "their story.</li>"
                            "</ul>"
                            "<h2>People with specific needs</h2>"
                            "<p>Screening aims to identify, among others:</p>"
                            "<ul>"
                            "<li>unaccompanied and separated children;</li>"
                            "<li>single women, women heads of household, and pregnant or breastfeeding women;</li>"
                            "<li>survivors of sexual and gender-based violence or of torture;</li>"
                            "<li>presumed victims of trafficking;</li>"
                            "<li>people with physical, sensory or mental disabilities, and older people without support;</li>"
                            "<li>people with serious medical conditions, including mental health conditions;</li>"
                            "<li>people at risk because of their sexual orientation or gender identity.</li>"
                            "</ul>"
                            "<p>Screening is not a single event. Many people disclose only when they trust staff, often "
                            "days or weeks after arrival. Staff in every role, including guards, cooks and cleaners, should "
                            "know the main warning signs and to whom they report a concern.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Confidentiality at the front desk",
                            "text": (
                                "<p>Do not post lists of residents' names, nationalities or medical needs on walls or "
                                "doors. Keep registration forms in locked cabinets or protected databases, share them only "
                                "with staff who need them, and never discuss a resident's situation where others can "
                                "hear.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "The late-night arrival",
                            "scenario": (
                                "<p>At 11 p.m. a truck brings 45 people to a transit centre in Agadez after they were found "
                                "stranded in the desert. The registration team is tired and wants to finish quickly. A man "
                                "answers every question for a young woman he says is his wife; she keeps her eyes down. "
                                "Two boys say they are 18, although one looks much younger. An older man has an infected "
                                "wound on his leg.</p>"
                            ),
                            "question": "How would you organise the registration that night and the following morning so that no one at risk is missed?",
                            "discussion": (
                                "<p>That night, ensure everyone receives water, food, a place to sleep and, for the injured "
                                "man, immediate medical care. Do only a short headcount registration if necessary, placing "
                                "the two boys in the area for children or adolescents as a precaution. The next morning, "
                                "register each adult individually: a female staff member should speak with the young woman "
                                "alone and give her a chance to say whether she is safe. The boys should be seen by staff "
                                "trained in child protection; if doubt about their age remains, they are treated as "
                                "children. Record specific needs and follow up rather than trying to learn everything at "
                                "once.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Register adults individually and in private; collect only what is needed at this stage.",
                                "Check relationships between children and the adults accompanying them.",
                                "Screening for specific needs is continuous; every member of staff should know the warning signs and the reporting route.",
                                "Protect registration data: no public lists, locked storage, access on a need-to-know basis.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "safeguarding-and-conduct",
                    "title": "Safeguarding, code of conduct and protection from sexual exploitation and abuse",
                    "summary": "How to prevent harm by staff and volunteers and how to respond when it happens.",
                    "minutes": 25,
                    "body": [
                        ("text", (
                            "<h2>Power and risk</h2>"
                            "<p>Staff in a reception centre decide who gets a bed near the door, who sees the doctor first "
                            "and whose file is sent to the next service. Residents depend on them for food, safety and "
                            "information, often in a country where they have no one else. This imbalance of power is "
                            "unavoidable, and it is exactly what abusers exploit. Safeguarding is the organisation's "
                            "responsibility to make sure that its staff, volunteers, contractors and activities do not "
                            "harm the people they serve, and to respond properly when harm occurs.</p>"
                            "<h2>Prevention starts with recruitment</h2>"
                            "<ul>"
                            "<li>Check references and, where the law allows, criminal records, especially for anyone who "
                            "will work with children.</li>"
                            "<li>Ask every staff member, volunteer, guard, driver and contractor to read, discuss and sign a "
                            "code of conduct.</li>"
                            "<li>Organise work so that no adult is alone with a child out of sight of others; keep staff "
                            "quarters closed to residents; forbid the use of personal phones to photograph residents.</li>"
                            "<li>Supervise staff, discuss dilemmas in team meetings and renew training regularly.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "Six core principles on sexual exploitation and abuse",
                            "text": (
                                "<p>The principles adopted by humanitarian agencies and set out in the UN Secretary-General's "
                                "Bulletin of 2003 on special measures for protection from sexual exploitation and abuse "
                                "are widely used as a code for reception staff:</p>"
                                "<ol>"
                                "<li>Sexual exploitation and abuse are serious misconduct and grounds for dismissal.</li>"
                                "<li>Sexual activity with anyone under 18 is prohibited, whatever the local age of consent; "
                                "mistaken belief about a child's age is no defence.</li>"
                                "<li>Exchanging money, employment, goods or services, including assistance that residents "
                                "are entitled to, for sex or sexual favours is prohibited.</li>"
                                "<li>Sexual relationships between staff and the people they assist are based on unequal "
                                "power, undermine the organisation's integrity and are strongly discouraged; where they "
                                "involve improper use of position they are prohibited.</li>"
                                "<li>Staff must report concerns or suspicions of sexual exploitation and abuse by colleagues "
                                "through the established channels.</li>"
                                "<li>Managers must create and maintain an environment that prevents sexual exploitation and "
                                "abuse.</li>"
                                "</ol>"
                            ),
                        }),
                        ("text", (
                            "<h2>Responding to a concern</h2>"
                            "<p>When a resident reports abuse, or a colleague hears a rumour, the response must put the "
                            "survivor first: their safety, their wishes, confidentiality, and access to medical and "
                            "psychosocial care. Do not confront the alleged perpetrator or try to investigate informally; "
                            "this can endanger the survivor and destroy evidence. Report through the designated channel to "
                            "a person who is independent of the alleged perpetrator's line management. Investigations are "
                            "carried out by trained investigators. Staff who report in good faith are protected from "
                            "retaliation. Where a crime may have been committed, the survivor is informed of the option to "
                            "go to the police and supported if they choose to do so; where a child is involved, the law may "
                            "require a report to the authorities.</p>"
                        )),
                        ("case_study", {
                            "title": "Extra rations",
                            "scenario": (
                                "<p>In a shelter in Niamey, a cleaner tells the social worker that one of the night guards "
                                "gives a 17-year-old resident extra food and phone credit, and that she has been seen "
                                "leaving his post late at night. The cleaner asks the social worker not to say who told her, "
                                "because the guard is related to the centre's driver.</p>"
                            ),
                            "question": "What should the social worker do, and what should the manager do once informed?",
                            "discussion": (
                                "<p>This is a concern of sexual exploitation of a child and must be reported at once through "
                                "the designated channel, protecting the identity of the cleaner. The social worker should not "
                                "question the guard or the girl about the allegation. The manager ensures the girl's safety "
                                "and access to support without singling her out, removes the guard from contact with "
                                "residents pending investigation, refers the case to trained investigators and, as the "
                                "resident is a child, follows the child-protection reporting duties. The guard's relationship "
                                "with the driver is a reason to protect the source and the investigation, not to delay.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Staff hold great power over residents; safeguarding means preventing its abuse and responding when it happens.",
                                "Safe recruitment, a signed code of conduct, supervision and training apply to everyone on site, including guards and contractors.",
                                "Sex with anyone under 18 and any exchange of assistance for sex are prohibited; staff must report concerns.",
                                "Respond with the survivor's safety and wishes first; never investigate informally or confront the alleged perpetrator.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "complaints-and-participation",
                    "title": "Complaints, feedback and participation",
                    "summary": "How to design a complaints mechanism that residents trust and how to involve them in running the centre.",
                    "minutes": 15,
                    "body": [
                        ("text", (
                            "<h2>Why complaints are good news</h2>"
                            "<p>A centre that receives no complaints is rarely a centre with no problems. More often, "
                            "residents do not know how to complain, do not believe anything will change, or fear that "
                            "complaining will cost them their place or their file. A complaints and feedback mechanism is "
                            "how a centre hears about food that runs out, a broken lock, a rude guard or, most seriously, "
                            "abuse by staff. It is also how the centre shows residents that they are respected.</p>"
                            "<h2>Designing a mechanism residents will use</h2>"
                            "<ul>"
                            "<li><b>Ask residents first.</b> Consult women, men, adolescents, older people and people with "
                            "disabilities separately about how they would prefer to raise concerns.</li>"
                            "<li><b>Offer several channels.</b> For example, a locked box opened by two people, a telephone "
                            "line, designated male and female staff to speak to, and regular meetings with residents' "
                            "committees. Make sure people who cannot read or write can use at least one channel.</li>"
                            "<li><b>Make it confidential and safe.</b> Allow anonymous complaints, protect complainants from "
                            "retaliation, and restrict access to the complaints log.</li>"
                            "<li><b>Separate sensitive complaints.</b> Allegations of sexual exploitation and abuse, fraud or "
                            "other misconduct by staff go through a separate route to people outside the line management of "
                            "those concerned.</li>"
                            "<li><b>Close the loop.</b> Acknowledge each complaint, respond within a stated time and tell "
                            "the person what was done. Where complaints are anonymous, report back to all residents on "
                            "general issues raised and the action taken.</li>"
                            "<li><b>Learn.</b> Review the log monthly for patterns and discuss them with staff.</li>"
                            "</ul>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Explain it more than once",
                            "text": (
                                "<p>Present the mechanism at arrival, on posters with pictures in the main languages, and "
                                "again at residents' meetings. People who arrive exhausted do not remember what they were "
                                "told on the first night.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>Participation in daily life</h2>"
                            "<p>Residents are not only recipients of services. Committees in which women and young people "
                            "are fairly represented can help to plan meals, organise cleaning rotas, resolve disputes and "
                            "pass on information. Children and adolescents can be consulted through age-appropriate "
                            "activities. Participation should never be used to hand over staff responsibilities, and "
                            "committee members must not gain power over access to assistance for other residents.</p>"
                            "<p>Information is the other half of participation. A notice board in the main languages, "
                            "short information sessions after meals and a staff member available at fixed hours to answer "
                            "questions reduce rumours, which in crowded centres spread quickly and can cause panic about "
                            "transfers, returns or police visits. When a decision affects everyone, such as a change in "
                            "meal times or a move to another site, explain it before it happens and say why.</p>"
                        )),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "An absence of complaints usually means the mechanism is not trusted or not known.",
                                "Design channels with residents, offer several, and make at least one usable without reading or writing.",
                                "Protect confidentiality, allow anonymity and send allegations of misconduct by staff through a separate route.",
                                "Respond within a stated time, report back, and use the complaints log to improve the centre.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "unaccompanied-and-separated-children",
            "title": "Unaccompanied and separated children",
            "summary": "Protecting children without parental care, from the first day to a durable solution in their best interests.",
            "lessons": [
                {
                    "slug": "who-are-uasc",
                    "title": "Who unaccompanied and separated children are, and the first steps",
                    "summary": "Definitions, rights and what must happen in the first days after a child is identified.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Definitions</h2>"
                            "<p>A child is any person under 18 years of age, as defined by Article 1 of the Convention on "
                            "the Rights of the Child. The Committee on the Rights of the Child distinguishes two situations:</p>"
                            "<ul>"
                            "<li>an <b>unaccompanied child</b> has been separated from both parents and other relatives and "
                            "is not being cared for by an adult who, by law or custom, is responsible for doing so;</li>"
                            "<li>a <b>separated child</b> has been separated from both parents, or from their previous legal "
                            "or customary primary caregiver, but not necessarily from other relatives. A separated child "
                            "may therefore be travelling with an uncle, an older sibling or a family friend.</li>"
                            "</ul>"
                            "<p>The distinction matters. A separated child may be well cared for by a loving relative, or may "
                            "be controlled by an adult who presents as a relative in order to exploit them. The adult's "
                            "relationship with the child and ability to care for them must be assessed, not assumed.</p>"
                            "<h2>The rights that guide every decision</h2>"
                            "<p>All children on a state's territory enjoy the rights in the Convention without "
                            "discrimination on the basis of nationality or migration status (Article 2). The child's best "
                            "interests are a primary consideration in every action concerning them (Article 3). Children "
                            "have the right to express their views and to have them given due weight according to their "
                            "age and maturity (Article 12). A child deprived of their family environment is entitled to "
                            "special protection and assistance from the state (Article 20).</p>"
                        )),
                        ("text", (
                            "<h2>The first days</h2>"
                            "<ol>"
                            "<li><b>Identify and register.</b> Record the child on a specific form, with a photograph "
                            "only where it is needed for tracing and the child agrees, and notify the child-protection "
                            "authority at once.</li>"
                            "<li><b>Ensure immediate safety and care.</b> Provide food, rest, health care and a safe "
                            "place to sleep, separate from unrelated adults. Siblings stay together.</li>"
                            "<li><b>Appoint a guardian.</b> An independent, qualified guardian should be appointed as soon "
                            "as the child is identified. The guardian is consulted and informed about every decision, "
                            "attends interviews, and ensures the child has legal representation where needed.</li>"
                            "<li><b>Arrange suitable care.</b> Family-based care, such as kinship or foster care, is "
                            "generally preferable to large institutions. Adolescents may live in supervised small "
                            "group homes.</li>"
                            "<li><b>Inform the child.</b> Explain, in a language and manner they understand, where they "
                            "are, what will happen next, their rights and who their guardian is.</li>"
                            "<li><b>Start planning.</b> Open a case file, start a best interests assessment and, if safe, "
                            "family tracing.</li>"
                            "</ol>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "No detention of children",
                            "text": (
                                "<p>Under Article 37(b) of the Convention, detention of a child is a last resort for the "
                                "shortest appropriate time. The Committee on the Rights of the Child and the Committee on "
                                "Migrant Workers have gone further: detaining a child because of their own or their "
                                "parents' migration status is never in the child's best interests and should be prohibited. "
                                "Unaccompanied and separated children belong in care, not in a cell.</p>"
                            ),
                        }),
                        ("glossary_term", "unaccompanied-child"),
                        ("glossary_term", "separated-child"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Unaccompanied children have no adult caring for them; separated children are apart from their parents but may be with other relatives.",
                                "The relationship between a separated child and the accompanying adult must be assessed, not assumed.",
                                "Notify child protection, appoint an independent guardian without delay and arrange safe, preferably family-based care.",
                                "Children must never be detained because of their own or their parents' migration status.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "best-interests-procedure",
                    "title": "Best interests: assessment and determination",
                    "summary": "How the best interests principle is applied in practice through assessments and formal determinations.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>The principle</h2>"
                            "<p>Article 3(1) of the Convention on the Rights of the Child requires that in all actions "
                            "concerning children, the best interests of the child shall be a primary consideration. The "
                            "African Charter on the Rights and Welfare of the Child goes further and makes them <i>the</i> "
                            "primary consideration. The Committee on the Rights of the Child explains that the best "
                            "interests principle is at once a substantive right of the child, a principle for "
                            "interpreting the law, and a rule of procedure: any decision affecting a child must show how "
                            "the child's interests were assessed and weighed.</p>"
                            "<h2>Two levels: assessment and determination</h2>"
                            "<p>The best interests procedure used by UNHCR and its partners, and adapted by many national "
                            "child-protection systems, works at two levels.</p>"
                            "<ul>"
                            "<li><b>Best interests assessment (BIA).</b> An individual assessment, carried out by a trained "
                            "case worker with the child, to identify the child's protection and care needs and to guide "
                            "everyday case-management decisions: where the child sleeps, which school they attend, what "
                            "support they receive. It starts at identification and is updated whenever the situation "
                            "changes.</li>"
                            "<li><b>Best interests determination (BID).</b> A formal process with stricter procedural "
                            "safeguards, reserved for the most significant decisions. The recommendation is prepared by a "
                            "case worker and decided by a panel of people with relevant expertise, not by one person. A "
                            "BID is needed, for example, before identifying a durable solution for an unaccompanied or "
                            "separated child, or before a decision that may separate a child from their parents against "
                            "their will.</li>"
                            "</ul>"
                            "<h2>What is weighed</h2>"
                            "<p>The child's views, given weight according to age and maturity; the child's identity, "
                            "including language, religion and culture; family relationships and the possibility of "
                            "maintaining them; safety, including risks of trafficking or violence; care, health and "
                            "education needs; and the situation, services and risks in each possible place of residence. "
                            "Where these factors point in different directions, the decision must explain how they were "
                            "balanced.</p>"
                        )),
                        ("case_study", {
                            "title": "Sekou's future",
                            "scenario": (
                                "<p>Sekou, 16, from a village in Burkina Faso, was identified as a victim of trafficking on a "
                                "cocoa farm in western Côte d'Ivoire and placed in a shelter in Abidjan. An uncle who lives in "
                                "Abidjan, and who first brought Sekou to the farm, asks for him to be released into his care. "
                                "Sekou says he wants to go back to his mother and to finish school. Social services in Burkina "
                                "Faso report that his mother is a widow with little income but wants him home.</p>"
                            ),
                            "question": "Is a best interests determination needed here? What information would the panel need, and which options should it consider?",
                            "discussion": (
                                "<p>Yes. Deciding where Sekou will live in the long term is a durable-solution decision for a "
                                "separated child and requires a BID. The panel needs Sekou's views, heard with his guardian "
                                "present; the uncle's role in the trafficking, which makes him an unsuitable caregiver "
                                "unless this is clearly ruled out; an assessment of the mother's home, her ability to care "
                                "for Sekou and the risk that he will be sent away again; and the schooling, vocational and "
                                "income support available in the village. Options include return to his mother with a "
                                "reintegration plan and follow-up by Burkinabè child-protection services, or continued care "
                                "in Côte d'Ivoire if return proves unsafe. Release to the uncle should not be considered "
                                "while his involvement is unresolved.</p>"
                            ),
                        }),
                        ("glossary_term", "best-interests-determination"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "The child's best interests are a primary consideration in every action concerning them; the African Children's Charter makes them the primary consideration.",
                                "A best interests assessment guides day-to-day decisions and is updated as the situation changes.",
                                "A best interests determination, decided by a panel with procedural safeguards, is needed for the most significant decisions, such as a durable solution.",
                                "The child's views, identity, family, safety and needs are weighed, and the decision explains how.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "age-family-and-solutions",
                    "title": "Age assessment, family tracing and durable solutions",
                    "summary": "How to handle doubts about age, search for family safely and find a lasting solution for the child.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Age assessment only where there is serious doubt</h2>"
                            "<p>Many children on the move have no birth certificate, and some are told by smugglers or "
                            "traffickers to say they are adults. Others claim to be children when they are not. Age "
                            "assessment can therefore be necessary, but it must follow strict rules:</p>"
                            "<ul>"
                            "<li>It is carried out only where there are serious doubts about the stated age, not as a "
                            "routine. Documents are considered genuine unless there is proof to the contrary.</li>"
                            "<li>It is holistic and multidisciplinary, carried out by independent professionals who look at "
                            "physical appearance, psychological maturity and the child's account, not at one test.</li>"
                            "<li>It uses the least intrusive methods, with the informed consent of the person and in the "
                            "presence of a guardian. Medical methods such as wrist or dental X-rays have a margin of error "
                            "of several years and cannot establish an exact age. Examination of intimate parts of the body "
                            "is never acceptable.</li>"
                            "<li>The result is given as a range, and the person can challenge it.</li>"
                            "<li>While the assessment is pending, and wherever doubt remains, the person is given the "
                            "benefit of the doubt and treated as a child.</li>"
                            "</ul>"
                            "<h2>Family tracing</h2>"
                            "<p>Tracing should start as soon as possible, with the child's participation. It is carried out "
                            "by organisations with experience, such as national Red Cross or Red Crescent societies working "
                            "with the International Committee of the Red Cross, or child-protection services, and it is "
                            "confidential. Tracing must not put the child or the family at risk: if the child fears "
                            "persecution or the family may have been involved in trafficking, enquiries are made with great "
                            "care or postponed. Relationships are verified before any reunification, and the family's "
                            "ability and willingness to care for the child are assessed.</p>"
                        )),
                        ("text", (
                            "<h2>Durable solutions</h2>"
                            "<p>A durable solution is a lasting arrangement that allows the child to grow up safely. There "
                            "are three main options: reunification with family and return to the country of origin; "
                            "integration in the country where the child now lives; or, for some refugee children, "
                            "resettlement to a third country, often to join family there. The choice is made through a "
                            "best interests determination. Return is never decided simply because the child is a foreign "
                            "national, and it takes place only when a safe caregiver is ready to receive the child and "
                            "follow-up is organised. While the solution is being prepared, the child stays in suitable care, "
                            "attends school and keeps contact with family where this is safe.</p>"
                        )),
                        ("case_study", {
                            "title": "“I am 19”",
                            "scenario": (
                                "<p>Ibrahim arrives at a reception centre in Niamey with three friends aged about 20. He says "
                                "he is 19 and wants to sleep in the men's dormitory with them. Staff think he looks about "
                                "15; he has no documents, and he speaks about finishing primary school “last rainy "
                                "season”.</p>"
                            ),
                            "question": "How should staff respond to the doubt about Ibrahim's age, and to his wish to stay with his friends?",
                            "discussion": (
                                "<p>There is serious doubt, so a careful age assessment may be justified, but in the meantime "
                                "Ibrahim should be treated as a child. Staff should explain to him, without pressure, the "
                                "protection and services that children receive, and ask why he wants to be seen as an adult: "
                                "fear of being sent home, a debt to a smuggler or instructions from someone else are common "
                                "reasons. He can be accommodated in the area for adolescents and allowed to spend time with "
                                "his friends in common spaces if that is safe. Child-protection services and a guardian "
                                "should be involved, and any assessment must be holistic, with his consent, and give him the "
                                "benefit of the doubt.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Assess age only where there is serious doubt, holistically, with consent, and never with intrusive examinations.",
                                "Give the benefit of the doubt: a person who may be a child is treated as a child.",
                                "Trace family early, confidentially and only in ways that do not endanger the child or the family.",
                                "Choose a durable solution through a best interests determination; return only to a safe caregiver with follow-up.",
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
    "title": "Collecting and protecting personal data",
    "summary": (
        "Officials and case workers collect sensitive information about migrants and victims of trafficking every "
        "day. This course explains the principles of data protection, the limits of consent for people in vulnerable "
        "situations, and the practical rules for keeping data confidential and secure, sharing it safely, respecting "
        "people's rights and handling breaches."
    ),
    "description": (
        "<p>A name on a list, a photograph in a messaging group or a case file sent to the wrong office can put a "
        "person's life at risk. Victims of trafficking may be found again by their exploiters; asylum seekers may be "
        "exposed to the authorities they fled; children may be marked for life by information that should never have "
        "left a file. Data protection is therefore not an administrative formality: it is part of protection "
        "itself.</p>"
        "<p>The first module explains why data protection matters, the core principles that apply in almost every "
        "legal system, and how to obtain informed consent while recognising its limits. The second module turns to "
        "practice: confidentiality and security in the office and in the field, sharing data with other services and "
        "other countries, the rights of the people concerned, retention periods and what to do when something goes "
        "wrong.</p>"
        "<p>The course refers to the ECOWAS and African Union instruments and to national data protection laws in West "
        "Africa, as well as to international standards that partners and donors often apply. All cases are "
        "fictional.</p>"
    ),
    "audiences": ["border-police", "police", "labour-inspection", "social-services", "ngo", "government"],
    "topics": ["data-protection"],
    "outcomes": [
        "Explain what personal data and sensitive data are, who the data controller is, and why data protection is part of protecting migrants and victims.",
        "Apply the principles of lawful and fair processing, purpose specification, data minimisation, data quality and limited retention to a data-collection form.",
        "Obtain informed consent where it is the right basis, and recognise when a person's situation means it cannot be freely given.",
        "Keep personal data confidential and secure, and share it with other services or countries only with a legal basis and adequate safeguards.",
        "Respond to requests from data subjects and to data breaches in line with their rights and the principle of do no harm.",
    ],
    "hours": 2.5,
    "prerequisites": "None.",
    "modules": [
        {
            "slug": "principles-of-data-protection",
            "title": "Principles of data protection",
            "summary": "Why data protection matters, the core principles and the place of consent.",
            "lessons": [
                {
                    "slug": "why-data-protection-matters",
                    "title": "Why data protection matters in migrant protection",
                    "summary": "The risks created by information about migrants and victims, the key terms, and the legal frameworks that apply.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Information can harm</h2>"
                            "<p>In a single morning, a border officer, a police investigator or a shelter case worker may "
                            "record a person's name, nationality, photograph and fingerprints, their health, the route they "
                            "travelled, the people who exploited them, and the address of their family. Each of these "
                            "pieces of information helps to protect the person. In the wrong hands, each can hurt them:</p>"
                            "<ul>"
                            "<li>traffickers who learn where a victim is staying, or where the victim's family lives, can "
                            "threaten or punish them;</li>"
                            "<li>authorities of a country that an asylum seeker fled can target the person or their "
                            "relatives;</li>"
                            "<li>communities that learn of sexual exploitation, an HIV status or a sexual orientation can "
                            "reject or attack the person;</li>"
                            "<li>information given to obtain help can be used against the person, for example to arrest or "
                            "remove them;</li>"
                            "<li>records about a child can follow them for years.</li>"
                            "</ul>"
                            "<p>The guiding rule is <b>do no harm</b>: before collecting, using or sharing information, ask "
                            "how it could hurt the person and what you will do to prevent that.</p>"
                        )),
                        ("text", (
                            "<h2>Key terms</h2>"
                            "<ul>"
                            "<li><b>Personal data</b> is any information relating to an identified or identifiable living "
                            "person, the <b>data subject</b>. A case number linked to a name, a photograph or a voice "
                            "recording is personal data.</li>"
                            "<li><b>Sensitive data</b> is personal data whose disclosure is especially likely to cause harm "
                            "or discrimination: health, ethnic origin, religion, political opinion, sexual life or "
                            "orientation, biometric data such as fingerprints, and criminal records. In migration work, the "
                            "fact that someone is a victim of trafficking or an asylum seeker, and their current location, "
                            "should be treated as equally sensitive.</li>"
                            "<li><b>Processing</b> means anything done with personal data: collecting, recording, storing, "
                            "consulting, using, sharing, publishing or destroying it.</li>"
                            "<li>The <b>data controller</b> is the organisation that decides why and how personal data is "
                            "processed and is responsible for compliance. A <b>processor</b> handles the data on the "
                            "controller's behalf, for example an IT company hosting a database.</li>"
                            "</ul>"
                            "<h2>The legal framework</h2>"
                            "<p>Most West African states have data protection laws overseen by an independent authority, "
                            "for example Senegal's law of 2008 and its Commission for the Protection of Personal Data, or "
                            "Côte d'Ivoire's law of 2013, supervised by the telecommunications regulator ARTCI; Burkina Faso "
                            "and Niger have similar laws and authorities. At regional level, the ECOWAS Supplementary Act "
                            "on personal data protection (2010) sets common rules for member states, and the African Union "
                            "Convention on Cyber Security and Personal Data Protection, adopted in Malabo in 2014, entered "
                            "into force in 2023. The Council of Europe's Convention 108, modernised in 2018, is open to "
                            "states worldwide, and partners based in the European Union apply its General Data Protection "
                            "Regulation. International organisations apply their own data protection policies, built on "
                            "the same principles.</p>"
                        )),
                        ("glossary_term", "personal-data"),
                        ("glossary_term", "data-controller"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Information collected to protect people can be used to harm them; do no harm is the guiding rule.",
                                "Personal data is any information about an identified or identifiable person; some categories are especially sensitive.",
                                "Being a victim of trafficking or an asylum seeker, and a person's location, must be treated as sensitive information.",
                                "The data controller decides why and how data is processed and is accountable for it.",
                                "National laws, the 2010 ECOWAS Supplementary Act and the AU Malabo Convention set the rules in West Africa.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "core-principles",
                    "title": "The core principles",
                    "summary": "Lawfulness and fairness, purpose, minimisation, quality, retention and accountability, applied to everyday forms.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<p>Data protection laws differ in detail, but they rest on a shared set of principles. "
                            "Learn them well: they will help you answer questions that no procedure foresaw.</p>"
                            "<h2>1. Lawful and fair processing</h2>"
                            "<p>Every processing operation needs a legal basis, such as a legal obligation, a public-interest "
                            "mandate, the vital interests of the person, or their consent. Fairness means the person is not "
                            "deceived: they know who is collecting their data, why, and what will happen to it.</p>"
                            "<h2>2. A specified and legitimate purpose</h2>"
                            "<p>Data is collected for purposes that are defined in advance and must not later be used for a "
                            "purpose incompatible with them. Information collected to provide shelter and medical care to a "
                            "victim of trafficking should not be passed to an immigration service to organise the person's "
                            "removal. This gradual drift from one use to another is sometimes called function creep.</p>"
                            "<h2>3. Data minimisation</h2>"
                            "<p>Collect only what is adequate, relevant and necessary for the purpose. A registration form "
                            "for a shelter does not need the person's ethnic group, religion or the names of every village "
                            "they passed through. “It might be useful one day” is not a reason to collect.</p>"
                            "<h2>4. Data quality</h2>"
                            "<p>Data must be accurate and kept up to date. Names transliterated in different ways, invented "
                            "dates of birth, or a child recorded as an adult can lead to wrong decisions, lost family links "
                            "or denied protection. Record the spelling the person uses, note when a date is estimated, and "
                            "correct errors promptly.</p>"
                            "<h2>5. Limited retention</h2>"
                            "<p>Data is kept only as long as needed for the purpose, according to a retention schedule. "
                            "After that it is destroyed securely or anonymised so that it can still serve statistics "
                            "without identifying anyone.</p>"
                            "<h2>6. Confidentiality and security</h2>"
                            "<p>Data is protected against unauthorised access, loss and disclosure. This is the subject of a "
                            "later lesson.</p>"
                            "<h2>7. Accountability</h2>"
                            "<p>The data controller must be able to show that it respects these principles: a register of "
                            "processing activities, a person responsible for data protection, trained staff, written "
                            "procedures, and an assessment of the risks before introducing a new system, such as a "
                            "biometric database.</p>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Three questions for every field on a form",
                            "text": (
                                "<p>Why do we need this information? Who will use it, and for what decision? How long will "
                                "we keep it? If nobody can answer, remove the field.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "A new screening form at the border",
                            "scenario": (
                                "<p>A working group proposes a new form for screening migrants at a border post between "
                                "Senegal and Mali. It asks for full name, date of birth, nationality, ethnic group, religion, "
                                "HIV status, the names and telephone numbers of all family members at home, the name of the "
                                "person who organised the journey, a photograph and ten fingerprints. Completed forms would "
                                "be sent to every agency in the national referral mechanism and kept “permanently”.</p>"
                            ),
                            "question": "Which principles does this form breach, and how would you revise it?",
                            "discussion": (
                                "<p>The purpose is not defined: screening for protection needs is different from a criminal "
                                "investigation, and the name of the organiser belongs in a police statement taken under "
                                "criminal procedure. Ethnic group, religion and HIV status are sensitive and unnecessary for "
                                "screening, which breaches minimisation. Family contacts should be collected only when "
                                "needed for tracing, with the person's agreement. Biometric data requires a specific legal "
                                "basis. Sending every form to every agency ignores the need-to-know rule, and permanent "
                                "storage ignores retention limits. A revised form would keep basic identity, languages, "
                                "specific needs and the person's agreement to referral, with an estimated date of birth "
                                "marked as such, and would come with a short notice explaining why the data is collected and "
                                "who will see it.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Every processing needs a legal basis, and people must know who collects their data and why.",
                                "Use data only for the purposes for which it was collected; avoid function creep.",
                                "Collect the minimum necessary, keep it accurate, and keep it no longer than needed.",
                                "The data controller must be able to demonstrate compliance, including a risk assessment before new systems.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "consent-and-its-limits",
                    "title": "Consent and its limits",
                    "summary": "What informed consent requires, why it is often not freely given in protection work, and what to do instead.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>What valid consent requires</h2>"
                            "<p>Consent is valid only if it is:</p>"
                            "<ul>"
                            "<li><b>informed</b>: the person understands what data is collected, for what purpose, who will "
                            "receive it, how long it will be kept, what their rights are, and what happens if they "
                            "refuse;</li>"
                            "<li><b>freely given</b>: the person can say no without losing something they need;</li>"
                            "<li><b>specific</b>: it covers a defined use, not “any purpose the organisation considers "
                            "useful”;</li>"
                            "<li><b>clear</b>: expressed by a statement or an action, such as a signature or a recorded oral "
                            "agreement, never presumed from silence;</li>"
                            "<li><b>revocable</b>: the person can withdraw it at any time, and must be told so.</li>"
                            "</ul>"
                            "<p>Information must be given in a language and form the person understands, with an "
                            "interpreter if necessary, and with time to ask questions. A signature on a form the person "
                            "could not read is not informed consent.</p>"
                            "<h2>The limits of consent</h2>"
                            "<p>In protection work, consent is often not truly free. A woman who has just escaped her "
                            "exploiters and needs a bed tonight is unlikely to refuse anything the shelter asks. Trauma, "
                            "fear of the authorities, illiteracy and dependence on the organisation all weaken the ability "
                            "to say no. Relying on consent in such situations can give a false sense of legitimacy.</p>"
                            "<p>Where processing is necessary to provide protection or assistance, it is more honest to base "
                            "it on the organisation's legal mandate, a public-interest task or, in emergencies, the person's "
                            "vital interests, and still inform the person fully. Consent is then kept for uses that are "
                            "genuinely optional, where refusal has no consequence for the help the person receives: a "
                            "photograph for a report, an interview with a journalist, participation in research, or a "
                            "referral to a service that is not essential.</p>"
                        )),
                        ("callout", {
                            "kind": "note",
                            "title": "Children",
                            "text": (
                                "<p>For a child, consent is given by a parent or legal guardian, and the child's own views "
                                "are sought and given weight according to age and maturity. For an unaccompanied child, the "
                                "appointed guardian acts; an adult who merely accompanies the child, and who may be "
                                "involved in exploiting them, cannot consent on the child's behalf.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "A photograph for the donor report",
                            "scenario": (
                                "<p>An NGO running a shelter in Ouagadougou wants to illustrate its annual report with a "
                                "photograph of five girls recently removed from a mining site. The communication officer "
                                "says the girls agreed and smiled for the camera. The girls are 14 to 17 years old, have "
                                "been in the shelter for a week, and their guardian has not been consulted.</p>"
                            ),
                            "question": "Is the girls' agreement valid consent? What should the organisation do?",
                            "discussion": (
                                "<p>No. The girls are children and their guardian was not asked; they depend on the shelter "
                                "for everything and are unlikely to feel free to refuse; and they probably did not "
                                "understand that the report will circulate widely and remain online for years. An "
                                "identifiable image could expose them to stigma or to the people who exploited them. The "
                                "organisation should not use the photograph. If it wishes to illustrate its work, it can use "
                                "images that do not identify anyone, such as hands, backs or drawings, or photographs of "
                                "consenting adult staff.</p>"
                            ),
                        }),
                        ("glossary_term", "informed-consent"),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Valid consent is informed, freely given, specific, clear and revocable.",
                                "People who depend on an organisation for help often cannot refuse freely; do not rely on consent alone in those situations.",
                                "Base essential processing on mandate, law or vital interests, inform the person fully, and keep consent for optional uses.",
                                "For children, the parent or guardian consents and the child's views are heard; an accompanying adult cannot consent for them.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "data-protection-in-practice",
            "title": "Data protection in practice",
            "summary": "Confidentiality and security, safe sharing, people's rights, retention and data breaches.",
            "lessons": [
                {
                    "slug": "confidentiality-and-security",
                    "title": "Keeping data confidential and secure",
                    "summary": "Practical measures for paper files, computers, phones and messaging in the office and in the field.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Confidentiality: the need-to-know rule</h2>"
                            "<p>Confidentiality means that personal data is disclosed only to those who need it to do their "
                            "work for the purpose for which it was collected. It applies inside your own organisation too: "
                            "the driver does not need to know why a resident is in the shelter, and the finance officer "
                            "does not need to read case notes. Interpreters, volunteers and contractors should sign "
                            "confidentiality undertakings. Use case numbers or pseudonyms in reports and meetings, and "
                            "never discuss individual cases in public places or on social media.</p>"
                            "<h2>Security: three kinds of measures</h2>"
                            "<h3>Physical</h3>"
                            "<ul>"
                            "<li>Lock paper files in cabinets in rooms that visitors cannot enter alone.</li>"
                            "<li>Keep desks clear of files when you leave, and collect printouts immediately.</li>"
                            "<li>Shred documents that are no longer needed; do not throw them in the bin.</li>"
                            "</ul>"
                            "<h3>Technical</h3>"
                            "<ul>"
                            "<li>Protect every computer and phone with a strong password or PIN and lock the screen when "
                            "you step away.</li>"
                            "<li>Encrypt laptops, phones and USB keys that hold personal data, and use two-step "
                            "verification for email and databases.</li>"
                            "<li>Give each user only the access rights they need, and keep logs of who consulted what.</li>"
                            "<li>Install updates, make regular backups and store them securely.</li>"
                            "</ul>"
                            "<h3>Organisational</h3>"
                            "<ul>"
                            "<li>Adopt a written data protection policy and train all staff, including new arrivals.</li>"
                            "<li>Sign agreements with any company that processes data for you, such as a cloud provider.</li>"
                            "<li>Have a procedure for reporting incidents, and make sure everyone knows it.</li>"
                            "</ul>"
                            "<p>Measures should match the sensitivity of the data and the risks of the setting. A file on a "
                            "trafficking victim in a shelter deserves more protection than a list of training "
                            "participants.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Messaging groups and personal phones",
                            "text": (
                                "<p>Photographs of passports, children or victims shared in messaging groups are copied to "
                                "every member's phone, backed up to servers you do not control and easily forwarded. Use "
                                "the official case-management system or an approved, encrypted channel; never share "
                                "identifiable information in large groups; and delete images from personal phones once they "
                                "have been transferred to the official file.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>In the field</h2>"
                            "<p>Border posts, mobile teams and outreach workers face particular risks. Paper registers can "
                            "be lost or inspected at checkpoints; laptops can be stolen from vehicles; a shared computer in "
                            "a cyber café may keep copies of everything opened on it. Take only the data you need on a "
                            "mission, transfer it to the secure system as soon as possible, and plan what to do if a device "
                            "is lost or seized.</p>"
                        )),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Share personal data only with those who need it for the purpose, inside and outside your organisation.",
                                "Combine physical, technical and organisational measures, proportionate to the sensitivity of the data.",
                                "Avoid messaging groups and personal phones for identifiable information; use approved channels.",
                                "Carry only the data you need in the field and transfer it to the secure system promptly.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "sharing-and-transfers",
                    "title": "Sharing data with other services and countries",
                    "summary": "When and how personal data may be shared, including with the police, embassies and the authorities of the country of origin.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Sharing is necessary, and risky</h2>"
                            "<p>Protection depends on sharing information: a referral to a shelter, a report to the police, "
                            "a request for family tracing, the organisation of a return. Each transfer also multiplies the "
                            "number of people who can see the data and the ways it can leak. Before sharing, check that "
                            "the following conditions are met:</p>"
                            "<ol>"
                            "<li>There is a <b>legal basis</b> for the transfer, such as a law, a formal agreement within "
                            "the national referral mechanism, or the person's consent.</li>"
                            "<li>The <b>purpose</b> of the transfer is specific and compatible with the purpose for which the "
                            "data was collected.</li>"
                            "<li>Only the <b>data necessary</b> for that purpose is sent: a shelter needs to know a resident's "
                            "health needs, not the full statement given to the police.</li>"
                            "<li>The <b>recipient</b> protects the data at least as well as you do, through its law or a "
                            "written agreement, and will not pass it on without authorisation.</li>"
                            "<li>The <b>person is informed</b>, and has agreed where consent is the basis.</li>"
                            "<li>The transfer is sent by a <b>secure channel</b> and <b>recorded</b>.</li>"
                            "</ol>"
                            "<p>Within a national referral mechanism, data-sharing agreements between agencies should set "
                            "these rules in advance: which data, for what purpose, by what channel, how long it is kept, "
                            "and who is responsible.</p>"
                            "<h2>Requests from the police and other authorities</h2>"
                            "<p>Check that the request is made in writing by a competent authority and has a basis in law "
                            "(in some countries a court order is required), disclose only what is requested and necessary, "
                            "inform the person where this does not prejudice an investigation, and record what was "
                            "disclosed. Information given to obtain assistance should not be used to arrest or remove "
                            "a victim.</p>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "The country of origin and the alleged traffickers",
                            "text": (
                                "<p>Never share a victim's identity, location or statement with the country where the alleged "
                                "traffickers operate, including its authorities, without first assessing the risks and "
                                "putting safeguards in place: a legal basis, the victim's informed agreement, the minimum "
                                "data, a trusted recipient and a secure channel. Officials may be linked to the traffickers, "
                                "and information can reach the victim's family or community. For asylum seekers and "
                                "refugees, the fact that they have sought protection must never be disclosed to the "
                                "authorities of the country they fled.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "A request from the consulate",
                            "scenario": (
                                "<p>A shelter in Abidjan receives a letter from the consulate of a neighbouring country asking "
                                "for the names, photographs and home villages of all its nationals staying in the shelter, "
                                "“in order to assist them”. One of them, Grace, has told her case worker that the woman "
                                "who recruited her is the cousin of a local official in her home district. Grace has not "
                                "decided whether she wants to return.</p>"
                            ),
                            "question": "How should the shelter respond to the consulate, and what should it do regarding Grace?",
                            "discussion": (
                                "<p>The shelter should not send a list. It can thank the consulate, explain that it does not "
                                "disclose residents' data without a legal basis and their agreement, and offer to inform "
                                "residents that consular assistance is available. Each resident then decides whether to "
                                "contact the consulate. For Grace, the risk is high: information could reach the recruiter "
                                "through the official. Nothing should be shared without a risk assessment and her informed "
                                "agreement; if she later chooses to return, only the data needed for travel documents and "
                                "reintegration should be shared, through a trusted channel.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Share only with a legal basis, for a specific compatible purpose, the minimum data, to a recipient who protects it, by a secure channel, and record it.",
                                "Agree data-sharing rules in advance within the national referral mechanism.",
                                "Verify the basis of any request from the police or other authorities and disclose only what is necessary.",
                                "Never share a victim's data with the alleged traffickers' country without a risk assessment and safeguards; never reveal an asylum claim to the country of origin.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "rights-retention-and-breaches",
                    "title": "People's rights, retention and data breaches",
                    "summary": "How to respond to requests from data subjects, when to destroy data, and what to do when data is lost or disclosed.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>The rights of data subjects</h2>"
                            "<p>People whose data you hold are not passive objects of a file. Data protection laws give "
                            "them rights, including:</p>"
                            "<ul>"
                            "<li><b>information</b> about who processes their data, why and with whom it is shared;</li>"
                            "<li><b>access</b> to the data held about them, usually with a copy;</li>"
                            "<li><b>rectification</b> of data that is inaccurate or incomplete;</li>"
                            "<li><b>erasure</b> of data that is no longer needed or was processed unlawfully;</li>"
                            "<li><b>objection</b> to certain uses of their data.</li>"
                            "</ul>"
                            "<p>These rights can be limited by law, for instance when disclosure would harm a criminal "
                            "investigation or the safety of another person, but the limitation must be justified for each "
                            "case and not applied by habit. Handle requests in a simple way: check the person's identity, "
                            "answer in a language they understand and within the time set by law or policy, free of "
                            "charge, and record the request and your answer.</p>"
                            "<h2>Retention and destruction</h2>"
                            "<p>A retention schedule states how long each category of data is kept, for example registration "
                            "data, case files, medical records and financial records, and what happens at the end of the "
                            "period. Periods depend on national law, donor requirements and the need to support a person "
                            "who may come back for help. At the end of the period, data is destroyed securely, on paper and "
                            "in electronic systems, including backups, or anonymised for statistics.</p>"
                        )),
                        ("text", (
                            "<h2>When something goes wrong</h2>"
                            "<p>A data breach is any accidental or unlawful destruction, loss, alteration, unauthorised "
                            "disclosure of or access to personal data: a stolen laptop, an email sent to the wrong address, "
                            "a file left in a taxi, a database exposed online. Act quickly:</p>"
                            "<ol>"
                            "<li><b>Contain</b> the breach: recover the item, change passwords, block access, ask wrong "
                            "recipients to delete the data.</li>"
                            "<li><b>Assess</b> the risk to the people concerned: what data, how sensitive, who may have it, "
                            "what harm could follow.</li>"
                            "<li><b>Report</b> internally to the data protection focal point at once, and to the supervisory "
                            "authority where the law requires it. Under the EU General Data Protection Regulation, for "
                            "example, notification is due within 72 hours; national laws in the region set their own "
                            "rules.</li>"
                            "<li><b>Inform</b> the people affected when the risk to them is high, so that they can protect "
                            "themselves, and help them do so.</li>"
                            "<li><b>Record and learn</b>: document the breach and the response, and fix the cause.</li>"
                            "</ol>"
                        )),
                        ("case_study", {
                            "title": "The laptop in the car",
                            "scenario": (
                                "<p>A case worker from an organisation supporting victims of trafficking in Dakar leaves her "
                                "laptop in a car while she visits a family. When she returns, the window is broken and the "
                                "laptop is gone. It contains spreadsheets with the names, photographs, shelter addresses and "
                                "case notes of 60 people, including children. The laptop has a password but is not "
                                "encrypted. She is embarrassed and thinks of waiting until Monday to tell her manager.</p>"
                            ),
                            "question": "What should happen in the next 24 hours, and what should change afterwards?",
                            "discussion": (
                                "<p>She should report the theft to her manager and data protection focal point at once, and "
                                "to the police. Passwords for email and any accounts accessible from the laptop must be "
                                "changed. Because the data is unencrypted and highly sensitive, the risk is high: the "
                                "organisation should assess whether any resident is now in danger, consider moving people "
                                "whose location was exposed, inform those affected in a careful way, and notify the national "
                                "data protection authority as the law requires. Afterwards, devices should be encrypted, case "
                                "files kept in a secure system rather than on laptops, and staff trained never to leave "
                                "devices in vehicles. A culture in which people report incidents quickly, without fear of "
                                "blame, matters as much as technology.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Key points",
                            "points": [
                                "Data subjects have rights to information, access, rectification, erasure and objection; limits must be justified case by case.",
                                "Follow a retention schedule and destroy or anonymise data securely at the end of the period, including backups.",
                                "In a breach, contain, assess, report, inform the people at risk, and learn from it, without delay.",
                                "Encourage quick reporting of incidents; hiding a breach increases the harm.",
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
    LEGAL_FRAMEWORKS,
    MANAGING_RECEPTION_CENTRES,
    COLLECTING_AND_PROTECTING_DATA,
]
