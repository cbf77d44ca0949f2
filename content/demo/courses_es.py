"""Demo course content in Spanish.

Spanish (neutral Latin American) translation of the demo course "collecting-and-protecting-personal-data".
Course, module and lesson slugs are identical to the English source (content/demo/courses_en.py): they identify
the translation. Block order and glossary slugs are unchanged; examples are set in Latin America.
All people and cases are fictional.
"""

COLLECTING_AND_PROTECTING_DATA = {
    "slug": "collecting-and-protecting-personal-data",
    "title": "Recopilación y protección de datos personales",
    "summary": (
        "Funcionarios, funcionarias y trabajadores sociales recopilan a diario información sensible sobre personas "
        "migrantes y víctimas de trata. Este curso explica los principios de la protección de datos, los límites "
        "del consentimiento para las personas en situación de vulnerabilidad y las reglas prácticas para mantener "
        "los datos confidenciales y seguros, compartirlos sin riesgos, respetar los derechos de las personas y "
        "gestionar las vulneraciones de seguridad."
    ),
    "description": (
        "<p>Un nombre en una lista, una fotografía en un grupo de mensajería o un expediente enviado a la oficina "
        "equivocada pueden poner en riesgo la vida de una persona. Las víctimas de trata pueden volver a ser "
        "localizadas por sus explotadores; las personas solicitantes de asilo pueden quedar expuestas ante las "
        "autoridades de las que huyeron; niñas, niños y adolescentes pueden quedar marcados de por vida por "
        "información que nunca debió salir de un expediente. Por eso la protección de datos no es un trámite "
        "administrativo: forma parte de la protección misma.</p>"
        "<p>El primer módulo explica por qué importa la protección de datos, presenta los principios fundamentales "
        "que rigen en casi todos los sistemas jurídicos y muestra cómo obtener un consentimiento informado sin "
        "perder de vista sus límites. El segundo módulo pasa a la práctica: confidencialidad y seguridad en la "
        "oficina y en el trabajo de campo, intercambio de datos con otros servicios y otros países, derechos de las "
        "personas concernidas, plazos de conservación y qué hacer cuando algo sale mal.</p>"
        "<p>El curso hace referencia a las leyes nacionales de protección de datos de América Latina, a la garantía "
        "del hábeas data y a los estándares iberoamericanos e interamericanos, así como a normas internacionales que "
        "suelen aplicar socios y donantes y, a modo de comparación, a instrumentos de otras regiones. Todos los "
        "casos son ficticios.</p>"
    ),
    "audiences": ["border-police", "police", "labour-inspection", "social-services", "ngo", "government"],
    "topics": ["data-protection"],
    "outcomes": [
        "Explicar qué son los datos personales y los datos sensibles, quién es el responsable del tratamiento y por qué la protección de datos forma parte de la protección de las personas migrantes y de las víctimas.",
        "Aplicar a un formulario de recopilación de datos los principios de licitud y lealtad, finalidad determinada, minimización, calidad de los datos y conservación limitada.",
        "Obtener el consentimiento informado cuando sea la base jurídica adecuada, y reconocer cuándo la situación de una persona impide que lo otorgue libremente.",
        "Mantener la confidencialidad y la seguridad de los datos personales, y compartirlos con otros servicios o países solo con una base jurídica y salvaguardas adecuadas.",
        "Responder a las solicitudes de los titulares de los datos y a las vulneraciones de seguridad conforme a sus derechos y al principio de “no hacer daño”.",
    ],
    "hours": 2.5,
    "prerequisites": "Ninguno.",
    "modules": [
        {
            "slug": "principles-of-data-protection",
            "title": "Principios de la protección de datos",
            "summary": "Por qué importa la protección de datos, los principios fundamentales y el lugar del consentimiento.",
            "lessons": [
                {
                    "slug": "why-data-protection-matters",
                    "title": "Por qué importa la protección de datos en la protección de personas migrantes",
                    "summary": "Los riesgos que genera la información sobre personas migrantes y víctimas, los conceptos clave y los marcos jurídicos aplicables.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>La información puede causar daño</h2>"
                            "<p>En una sola mañana, un agente migratorio en la frontera, un investigador de la policía o "
                            "una trabajadora social de un albergue pueden registrar el nombre de una persona, su "
                            "nacionalidad, su fotografía y sus huellas dactilares, su estado de salud, la ruta que "
                            "siguió, quiénes la explotaron y la dirección de su familia. Cada uno de estos datos ayuda a "
                            "protegerla. En malas manos, cada uno puede hacerle daño:</p>"
                            "<ul>"
                            "<li>los tratantes que descubren dónde se aloja una víctima, o dónde vive su familia, pueden "
                            "amenazarlas o tomar represalias;</li>"
                            "<li>las autoridades del país del que huyó una persona solicitante de asilo pueden "
                            "perseguirla a ella o a sus familiares;</li>"
                            "<li>una comunidad que se entera de una situación de explotación sexual, de un diagnóstico de "
                            "VIH o de la orientación sexual de alguien puede rechazar o agredir a esa persona;</li>"
                            "<li>la información proporcionada para obtener ayuda puede usarse en contra de la persona, "
                            "por ejemplo para detenerla o deportarla;</li>"
                            "<li>los registros sobre un niño, niña o adolescente pueden perseguirlo durante años.</li>"
                            "</ul>"
                            "<p>La regla rectora es <b>no hacer daño</b>: antes de recopilar, usar o compartir "
                            "información, pregúntese cómo podría perjudicar a la persona y qué hará para evitarlo.</p>"
                        )),
                        ("text", (
                            "<h2>Conceptos clave</h2>"
                            "<ul>"
                            "<li>Los <b>datos personales</b> son cualquier información concerniente a una persona física "
                            "viva, identificada o identificable: el <b>titular de los datos</b>. Un número de expediente "
                            "vinculado a un nombre, una fotografía o una grabación de voz son datos personales.</li>"
                            "<li>Los <b>datos sensibles</b> son datos personales cuya divulgación puede causar, con "
                            "especial probabilidad, un daño o una discriminación: los relativos a la salud, el origen "
                            "étnico o racial, la religión, las opiniones políticas, la vida o la orientación sexual, los "
                            "datos biométricos como las huellas dactilares, y los antecedentes penales. En el trabajo "
                            "con personas migrantes, el hecho de que alguien sea víctima de trata o solicitante de asilo, "
                            "así como el lugar donde se encuentra, deben tratarse como datos igualmente sensibles.</li>"
                            "<li>El <b>tratamiento</b> es cualquier operación que se realice con datos personales: "
                            "recopilarlos, registrarlos, almacenarlos, consultarlos, usarlos, compartirlos, publicarlos "
                            "o destruirlos.</li>"
                            "<li>El <b>responsable del tratamiento</b> es la organización que decide para qué y cómo se "
                            "tratan los datos personales, y que responde por el cumplimiento de las normas. El "
                            "<b>encargado del tratamiento</b> trata los datos por cuenta del responsable, por ejemplo una "
                            "empresa de informática que aloja una base de datos.</li>"
                            "</ul>"
                            "<h2>El marco jurídico</h2>"
                            "<p>Casi todos los países de América Latina cuentan con una ley de protección de datos "
                            "personales y, en muchos de ellos, la Constitución reconoce el hábeas data, la acción "
                            "que permite a toda persona conocer, actualizar, rectificar o suprimir la información que "
                            "sobre ella consta en registros o bancos de datos. Algunos ejemplos: la Ley 25.326 de "
                            "Argentina (2000), cuyo cumplimiento supervisa la Agencia de Acceso a la Información "
                            "Pública; la Ley 18.331 de Uruguay (2008) y su Unidad Reguladora y de Control de Datos "
                            "Personales; la Ley Estatutaria 1581 de 2012 de Colombia, vigilada por la Superintendencia "
                            "de Industria y Comercio; la Ley 29733 del Perú (2011); y, en México, las leyes federal y "
                            "general que regulan el tratamiento de datos personales por particulares y por el sector "
                            "público. En el plano regional, la Red Iberoamericana de Protección de Datos adoptó en 2017 "
                            "los Estándares de Protección de Datos Personales para los Estados Iberoamericanos, y el "
                            "Comité Jurídico Interamericano de la OEA actualizó en 2021 sus Principios sobre la "
                            "privacidad y la protección de datos personales. El Convenio 108 del Consejo de Europa, "
                            "modernizado en 2018, está abierto a Estados de todo el mundo, y Uruguay, México y Argentina "
                            "ya son parte de él; los socios con sede en la Unión Europea aplican el Reglamento General de "
                            "Protección de Datos (RGPD). Otras regiones cuentan con instrumentos comparables: en África "
                            "Occidental, el Acta Adicional de la CEDEAO sobre protección de datos personales (2010) fija "
                            "reglas comunes para los Estados miembros, y el Convenio de la Unión Africana sobre "
                            "ciberseguridad y protección de datos personales, adoptado en Malabo en 2014, entró en vigor "
                            "en 2023. Las organizaciones internacionales aplican sus propias políticas de protección de "
                            "datos, basadas en los mismos principios.</p>"
                        )),
                        ("glossary_term", "personal-data"),
                        ("glossary_term", "data-controller"),
                        ("key_points", {
                            "title": "Puntos clave",
                            "points": [
                                "La información recopilada para proteger a las personas puede usarse para dañarlas; “no hacer daño” es la regla rectora.",
                                "Los datos personales son cualquier información sobre una persona identificada o identificable; algunas categorías son especialmente sensibles.",
                                "La condición de víctima de trata o de solicitante de asilo, y el lugar donde se encuentra una persona, deben tratarse como información sensible.",
                                "El responsable del tratamiento decide para qué y cómo se tratan los datos, y rinde cuentas por ello.",
                                "En América Latina, las reglas las fijan las leyes nacionales, el hábeas data y estándares regionales como los de la Red Iberoamericana; en África Occidental, por ejemplo, el Acta Adicional de la CEDEAO de 2010 y el Convenio de Malabo de la Unión Africana.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "core-principles",
                    "title": "Los principios fundamentales",
                    "summary": "Licitud y lealtad, finalidad, minimización, calidad, conservación y responsabilidad proactiva, aplicados a los formularios de todos los días.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<p>Las leyes de protección de datos difieren en los detalles, pero se apoyan en un conjunto "
                            "común de principios. Apréndalos bien: le ayudarán a responder preguntas que ningún "
                            "procedimiento previó.</p>"
                            "<h2>1. Licitud y lealtad</h2>"
                            "<p>Todo tratamiento necesita una base jurídica, como una obligación legal, el ejercicio de "
                            "una función de interés público, los intereses vitales de la persona o su consentimiento. La "
                            "lealtad significa que no se engaña a la persona: sabe quién recopila sus datos, para qué y "
                            "qué pasará con ellos.</p>"
                            "<h2>2. Una finalidad determinada y legítima</h2>"
                            "<p>Los datos se recopilan para finalidades definidas de antemano y no deben usarse después "
                            "para una finalidad incompatible con ellas. La información recopilada para dar alojamiento y "
                            "atención médica a una víctima de trata no debe entregarse a la autoridad migratoria para "
                            "organizar su deportación. Este deslizamiento gradual de un uso a otro se conoce a veces "
                            "como “desviación de finalidad”.</p>"
                            "<h2>3. Minimización de datos</h2>"
                            "<p>Recopile solo lo que sea adecuado, pertinente y necesario para la finalidad. El "
                            "formulario de registro de un albergue no necesita el grupo étnico de la persona, su religión "
                            "ni el nombre de cada pueblo por el que pasó. “Quizás sirva algún día” no es una razón para "
                            "recopilar.</p>"
                            "<h2>4. Calidad de los datos</h2>"
                            "<p>Los datos deben ser exactos y estar actualizados. Nombres transcritos de distintas "
                            "maneras, fechas de nacimiento inventadas o un adolescente registrado como adulto pueden "
                            "llevar a decisiones equivocadas, a perder vínculos familiares o a negar protección. Anote el "
                            "nombre tal como lo escribe la persona, indique cuándo una fecha es estimada y corrija los "
                            "errores sin demora.</p>"
                            "<h2>5. Conservación limitada</h2>"
                            "<p>Los datos se conservan solo durante el tiempo necesario para la finalidad, conforme a un "
                            "calendario de conservación. Después se destruyen de forma segura o se anonimizan, de modo "
                            "que puedan seguir sirviendo para estadísticas sin identificar a nadie.</p>"
                            "<h2>6. Confidencialidad y seguridad</h2>"
                            "<p>Los datos se protegen contra el acceso no autorizado, la pérdida y la divulgación. Este "
                            "tema se aborda en una lección posterior.</p>"
                            "<h2>7. Responsabilidad proactiva (rendición de cuentas)</h2>"
                            "<p>El responsable del tratamiento debe poder demostrar que respeta estos principios: un "
                            "registro de las actividades de tratamiento, una persona a cargo de la protección de datos, "
                            "personal capacitado, procedimientos escritos y una evaluación de los riesgos antes de poner "
                            "en marcha un sistema nuevo, como una base de datos biométricos.</p>"
                        )),
                        ("callout", {
                            "kind": "tip",
                            "title": "Tres preguntas para cada campo de un formulario",
                            "text": (
                                "<p>¿Para qué necesitamos esta información? ¿Quién la usará, y para tomar qué decisión? "
                                "¿Cuánto tiempo la conservaremos? Si nadie sabe responder, elimine el campo.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "Un nuevo formulario de identificación preliminar en la frontera",
                            "scenario": (
                                "<p>Un grupo de trabajo propone un nuevo formulario para la identificación preliminar de "
                                "personas migrantes en un puesto fronterizo entre Guatemala y México. Pide el nombre "
                                "completo, la fecha de nacimiento, la nacionalidad, el grupo étnico, la religión, el "
                                "estado serológico respecto del VIH, los nombres y números de teléfono de todos los "
                                "familiares que se quedaron en el país de origen, el nombre de la persona que organizó el "
                                "viaje, una fotografía y las huellas de los diez dedos. Los formularios llenos se "
                                "enviarían a todas las instituciones del mecanismo nacional de derivación y se "
                                "conservarían “de forma permanente”.</p>"
                            ),
                            "question": "¿Qué principios infringe este formulario y cómo lo modificaría usted?",
                            "discussion": (
                                "<p>La finalidad no está definida: detectar necesidades de protección no es lo mismo que "
                                "llevar a cabo una investigación penal, y el nombre de quien organizó el viaje corresponde "
                                "a una declaración ante la policía o la fiscalía, tomada conforme al procedimiento penal. "
                                "El grupo étnico, la religión y el estado serológico respecto del VIH son datos sensibles "
                                "e innecesarios para la identificación preliminar, lo que infringe el principio de "
                                "minimización. Los datos de contacto de la familia solo deben recopilarse cuando sean "
                                "necesarios para la búsqueda de familiares, con el acuerdo de la persona. Los datos "
                                "biométricos requieren una base jurídica específica. Enviar cada formulario a todas las "
                                "instituciones desconoce la regla de la necesidad de conocer, y la conservación permanente "
                                "desconoce los límites de conservación. Un formulario revisado se limitaría a la "
                                "identidad básica, los idiomas, las necesidades específicas y el acuerdo de la persona con "
                                "la derivación, con una fecha de nacimiento estimada señalada como tal, e iría acompañado "
                                "de un breve aviso de privacidad que explique para qué se recopilan los datos y quién los "
                                "verá.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Puntos clave",
                            "points": [
                                "Todo tratamiento necesita una base jurídica, y las personas deben saber quién recopila sus datos y para qué.",
                                "Use los datos solo para las finalidades para las que se recopilaron; evite la desviación de finalidad.",
                                "Recopile el mínimo necesario, manténgalo exacto y no lo conserve más tiempo del necesario.",
                                "El responsable del tratamiento debe poder demostrar su cumplimiento, incluida una evaluación de riesgos antes de poner en marcha sistemas nuevos.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "consent-and-its-limits",
                    "title": "El consentimiento y sus límites",
                    "summary": "Qué exige el consentimiento informado, por qué en el trabajo de protección a menudo no se otorga libremente y qué hacer en su lugar.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Qué exige un consentimiento válido</h2>"
                            "<p>El consentimiento solo es válido si es:</p>"
                            "<ul>"
                            "<li><b>informado</b>: la persona entiende qué datos se recopilan, con qué finalidad, quién "
                            "los recibirá, cuánto tiempo se conservarán, cuáles son sus derechos y qué ocurre si se "
                            "niega;</li>"
                            "<li><b>libre</b>: la persona puede decir que no sin perder algo que necesita;</li>"
                            "<li><b>específico</b>: abarca un uso definido, no “cualquier finalidad que la organización "
                            "considere útil”;</li>"
                            "<li><b>inequívoco</b>: se expresa mediante una declaración o un acto, como una firma o un "
                            "acuerdo verbal que queda registrado, y nunca se presume a partir del silencio;</li>"
                            "<li><b>revocable</b>: la persona puede retirarlo en cualquier momento, y hay que "
                            "decírselo.</li>"
                            "</ul>"
                            "<p>La información debe darse en un idioma y de una forma que la persona entienda, con "
                            "intérprete si hace falta, y dándole tiempo para hacer preguntas. Una firma en un formulario "
                            "que la persona no podía leer no es consentimiento informado.</p>"
                            "<h2>Los límites del consentimiento</h2>"
                            "<p>En el trabajo de protección, el consentimiento muchas veces no es realmente libre. Es poco "
                            "probable que una mujer que acaba de escapar de sus explotadores y necesita una cama esta "
                            "noche se niegue a algo que le pida el albergue. El trauma, el miedo a las autoridades, el "
                            "analfabetismo y la dependencia respecto de la organización debilitan la capacidad de decir "
                            "que no. Apoyarse en el consentimiento en esas situaciones puede dar una falsa apariencia de "
                            "legitimidad.</p>"
                            "<p>Cuando el tratamiento es necesario para brindar protección o asistencia, es más honesto "
                            "fundarlo en el mandato legal de la organización, en el ejercicio de una función de interés "
                            "público o, en emergencias, en los intereses vitales de la persona, e informarla de todos "
                            "modos plenamente. El consentimiento se reserva entonces para los usos verdaderamente "
                            "opcionales, en los que negarse no tiene ninguna consecuencia sobre la ayuda que la persona "
                            "recibe: una fotografía para un informe, una entrevista con un periodista, la participación "
                            "en una investigación o la derivación a un servicio que no es esencial.</p>"
                        )),
                        ("callout", {
                            "kind": "note",
                            "title": "Niñas, niños y adolescentes",
                            "text": (
                                "<p>En el caso de un niño, niña o adolescente, el consentimiento lo otorga su madre, su "
                                "padre o su representante legal, y se escucha su propia opinión, que se tiene en cuenta "
                                "en función de su edad y madurez. Si se trata de un niño no acompañado, actúa el tutor o "
                                "representante legal designado; un adulto que simplemente lo acompaña, y que podría "
                                "estar involucrado en su explotación, no puede consentir en su nombre.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "Una fotografía para el informe a los donantes",
                            "scenario": (
                                "<p>Una ONG que administra un albergue en Puerto Maldonado quiere ilustrar su informe "
                                "anual con una fotografía de cinco adolescentes que salieron hace poco de un campamento de "
                                "minería ilegal. La encargada de comunicación asegura que las chicas estuvieron de acuerdo "
                                "y sonrieron a la cámara. Tienen entre 14 y 17 años, llevan una semana en el albergue y "
                                "nadie ha consultado a su tutor.</p>"
                            ),
                            "question": "¿El acuerdo de las adolescentes constituye un consentimiento válido? ¿Qué debe hacer la organización?",
                            "discussion": (
                                "<p>No. Las chicas son menores de edad y no se consultó a su tutor; dependen del albergue "
                                "para todo y es poco probable que se sientan libres de negarse; y seguramente no "
                                "comprendieron que el informe circulará ampliamente y seguirá en línea durante años. Una "
                                "imagen que permita identificarlas podría exponerlas al estigma o a quienes las "
                                "explotaron. La organización no debe usar la fotografía. Si quiere ilustrar su trabajo, "
                                "puede recurrir a imágenes que no identifiquen a nadie, como manos, personas de espaldas "
                                "o dibujos, o a fotografías de integrantes adultos del personal que den su "
                                "consentimiento.</p>"
                            ),
                        }),
                        ("glossary_term", "informed-consent"),
                        ("key_points", {
                            "title": "Puntos clave",
                            "points": [
                                "Un consentimiento válido es informado, libre, específico, inequívoco y revocable.",
                                "Las personas que dependen de una organización para recibir ayuda a menudo no pueden negarse libremente; en esas situaciones, no se apoye solo en el consentimiento.",
                                "Funde los tratamientos esenciales en el mandato, la ley o los intereses vitales, informe plenamente a la persona y reserve el consentimiento para los usos opcionales.",
                                "En el caso de niñas, niños y adolescentes, consiente la madre, el padre o el tutor y se escucha la opinión del niño; un adulto acompañante no puede consentir por él.",
                            ],
                        }),
                    ],
                },
            ],
        },
        {
            "slug": "data-protection-in-practice",
            "title": "La protección de datos en la práctica",
            "summary": "Confidencialidad y seguridad, intercambio seguro de datos, derechos de las personas, conservación y vulneraciones de seguridad.",
            "lessons": [
                {
                    "slug": "confidentiality-and-security",
                    "title": "Garantizar la confidencialidad y la seguridad de los datos",
                    "summary": "Medidas prácticas para expedientes en papel, computadoras, teléfonos y mensajería, en la oficina y en el trabajo de campo.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Confidencialidad: la regla de la necesidad de conocer</h2>"
                            "<p>La confidencialidad significa que los datos personales solo se comunican a quienes los "
                            "necesitan para hacer su trabajo, dentro de la finalidad para la que se recopilaron. Se "
                            "aplica también dentro de su propia organización: el chofer no necesita saber por qué una "
                            "persona está en el albergue, y el responsable de finanzas no tiene por qué leer las notas "
                            "del caso. Intérpretes, voluntarios y contratistas deben firmar un compromiso de "
                            "confidencialidad. Use números de caso o seudónimos en los informes y las reuniones, y nunca "
                            "hable de casos individuales en lugares públicos ni en redes sociales.</p>"
                            "<h2>Seguridad: tres tipos de medidas</h2>"
                            "<h3>Medidas físicas</h3>"
                            "<ul>"
                            "<li>Guarde los expedientes en papel en archiveros con llave, en salas donde las visitas no "
                            "puedan entrar solas.</li>"
                            "<li>No deje expedientes sobre el escritorio al retirarse, y recoja de inmediato lo que "
                            "imprima.</li>"
                            "<li>Destruya en una trituradora los documentos que ya no se necesiten; no los tire a la "
                            "basura.</li>"
                            "</ul>"
                            "<h3>Medidas técnicas</h3>"
                            "<ul>"
                            "<li>Proteja cada computadora y cada teléfono con una contraseña o un PIN robustos, y "
                            "bloquee la pantalla cada vez que se aleje.</li>"
                            "<li>Cifre las computadoras portátiles, los teléfonos y las memorias USB que contengan datos "
                            "personales, y use la verificación en dos pasos para el correo electrónico y las bases de "
                            "datos.</li>"
                            "<li>Otorgue a cada usuario solo los permisos de acceso que necesita, y lleve un registro de "
                            "quién consultó qué.</li>"
                            "<li>Instale las actualizaciones, haga copias de seguridad periódicas y guárdelas en un "
                            "lugar seguro.</li>"
                            "</ul>"
                            "<h3>Medidas organizativas</h3>"
                            "<ul>"
                            "<li>Adopte una política escrita de protección de datos y capacite a todo el personal, "
                            "incluidas las personas recién incorporadas.</li>"
                            "<li>Firme contratos con toda empresa que trate datos por cuenta de su organización, como un "
                            "proveedor de servicios en la nube.</li>"
                            "<li>Establezca un procedimiento para notificar incidentes y asegúrese de que todos lo "
                            "conozcan.</li>"
                            "</ul>"
                            "<p>Las medidas deben ser proporcionales a la sensibilidad de los datos y a los riesgos del "
                            "contexto. El expediente de una víctima de trata en un albergue merece más protección que "
                            "una lista de participantes en una capacitación.</p>"
                        )),
                        ("callout", {
                            "kind": "warning",
                            "title": "Grupos de mensajería y teléfonos personales",
                            "text": (
                                "<p>Las fotografías de pasaportes, de niños o de víctimas compartidas en grupos de "
                                "mensajería se copian en el teléfono de cada integrante, se respaldan en servidores que "
                                "usted no controla y se reenvían con facilidad. Use el sistema oficial de gestión de "
                                "casos o un canal cifrado autorizado; nunca comparta en grupos grandes información que "
                                "permita identificar a una persona; y borre las imágenes de su teléfono personal en "
                                "cuanto se hayan incorporado al expediente oficial.</p>"
                            ),
                        }),
                        ("text", (
                            "<h2>En el trabajo de campo</h2>"
                            "<p>Los puestos fronterizos, los equipos móviles y el personal que trabaja en calle y en "
                            "comunidad enfrentan riesgos particulares. Los registros en papel pueden perderse o ser "
                            "revisados en un retén o punto de control; las computadoras portátiles pueden ser robadas de "
                            "un vehículo; una computadora compartida en un cibercafé puede guardar copias de todo lo que "
                            "se abrió en ella. Lleve a cada misión solo los datos que necesita, transfiéralos al sistema "
                            "seguro lo antes posible y tenga previsto qué hacer si un dispositivo se pierde o es "
                            "incautado.</p>"
                        )),
                        ("key_points", {
                            "title": "Puntos clave",
                            "points": [
                                "Comunique los datos personales solo a quienes los necesitan para la finalidad, dentro y fuera de su organización.",
                                "Combine medidas físicas, técnicas y organizativas, proporcionales a la sensibilidad de los datos.",
                                "Evite los grupos de mensajería y los teléfonos personales para la información que identifica a las personas; use canales autorizados.",
                                "Lleve al trabajo de campo solo los datos necesarios y transfiéralos pronto al sistema seguro.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "sharing-and-transfers",
                    "title": "Compartir datos con otros servicios y otros países",
                    "summary": "Cuándo y cómo pueden compartirse datos personales, incluso con la policía, las embajadas y las autoridades del país de origen.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Compartir es necesario, y también riesgoso</h2>"
                            "<p>La protección depende de compartir información: una derivación a un albergue, una "
                            "denuncia ante la policía, una solicitud de búsqueda de familiares, la organización de un "
                            "retorno. Pero cada transferencia también multiplica el número de personas que pueden ver "
                            "los datos y las vías por las que pueden filtrarse. Antes de compartir, verifique que se "
                            "cumplan las siguientes condiciones:</p>"
                            "<ol>"
                            "<li>Existe una <b>base jurídica</b> para la transferencia, como una ley, un acuerdo formal en "
                            "el marco del mecanismo nacional de derivación o el consentimiento de la persona.</li>"
                            "<li>La <b>finalidad</b> de la transferencia es específica y compatible con aquella para la "
                            "que se recopilaron los datos.</li>"
                            "<li>Solo se envían los <b>datos necesarios</b> para esa finalidad: un albergue necesita "
                            "conocer las necesidades de salud de una residente, no la declaración completa que rindió "
                            "ante la policía.</li>"
                            "<li>El <b>destinatario</b> protege los datos al menos tan bien como usted, en virtud de su "
                            "legislación o de un acuerdo escrito, y no los comunicará a terceros sin autorización.</li>"
                            "<li>La <b>persona está informada</b> y ha dado su acuerdo cuando el consentimiento es la base "
                            "jurídica.</li>"
                            "<li>La transferencia se hace por un <b>canal seguro</b> y <b>queda registrada</b>.</li>"
                            "</ol>"
                            "<p>Dentro de un mecanismo nacional de derivación, los acuerdos de intercambio de datos entre "
                            "instituciones deben fijar estas reglas de antemano: qué datos, con qué finalidad, por qué "
                            "canal, durante cuánto tiempo se conservan y quién es responsable.</p>"
                            "<h2>Solicitudes de la policía y de otras autoridades</h2>"
                            "<p>Verifique que la solicitud la haga por escrito una autoridad competente y que tenga "
                            "fundamento legal (en algunos países se requiere una orden judicial), comunique solo lo que "
                            "se solicita y es necesario, informe a la persona cuando ello no perjudique una "
                            "investigación, y deje constancia de lo que se comunicó. La información proporcionada para "
                            "obtener asistencia no debe usarse para detener o deportar a una víctima; recuerde también "
                            "el principio de no punición, según el cual las víctimas no deben ser sancionadas por las "
                            "infracciones, como las migratorias, que se vieron obligadas a cometer como consecuencia "
                            "directa de la trata.</p>"
                        )),
                        ("callout", {
                            "kind": "law",
                            "title": "El país de origen y los presuntos tratantes",
                            "text": (
                                "<p>Nunca comparta la identidad, la ubicación o la declaración de una víctima con el país "
                                "donde operan los presuntos tratantes, incluidas sus autoridades, sin antes evaluar los "
                                "riesgos y establecer salvaguardas: una base jurídica, el acuerdo informado de la "
                                "víctima, el mínimo de datos, un destinatario de confianza y un canal seguro. Puede haber "
                                "funcionarios vinculados con los tratantes, y la información puede llegar a la familia o "
                                "a la comunidad de la víctima. En el caso de las personas solicitantes de asilo y "
                                "refugiadas, el hecho de que hayan pedido protección nunca debe revelarse a las "
                                "autoridades del país del que huyeron.</p>"
                            ),
                        }),
                        ("case_study", {
                            "title": "Una solicitud del consulado",
                            "scenario": (
                                "<p>Un albergue en Tapachula recibe una carta del consulado de un país vecino en la que se "
                                "piden los nombres, las fotografías y las comunidades de origen de todos sus connacionales "
                                "alojados en el albergue, “a fin de brindarles asistencia”. Una de ellas, Marisol, le "
                                "contó a su trabajadora social que la mujer que la reclutó es prima de un funcionario "
                                "municipal de su lugar de origen. Marisol todavía no ha decidido si quiere regresar.</p>"
                            ),
                            "question": "¿Cómo debe responder el albergue al consulado y qué debe hacer respecto de Marisol?",
                            "discussion": (
                                "<p>El albergue no debe enviar ninguna lista. Puede agradecer al consulado, explicar que "
                                "no comunica datos de las personas alojadas sin una base jurídica y sin su acuerdo, y "
                                "ofrecer informarles de que la asistencia consular está a su disposición. Cada persona "
                                "decide entonces si quiere comunicarse con el consulado. En el caso de Marisol, el riesgo "
                                "es alto: la información podría llegar a la reclutadora a través del funcionario. No debe "
                                "compartirse nada sin una evaluación de riesgos y sin su acuerdo informado; si más "
                                "adelante decide regresar, solo deben compartirse los datos necesarios para los "
                                "documentos de viaje y la reintegración, por un canal de confianza.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Puntos clave",
                            "points": [
                                "Comparta solo con una base jurídica, para una finalidad específica y compatible, el mínimo de datos, con un destinatario que los proteja, por un canal seguro, y deje constancia.",
                                "Acuerde de antemano las reglas de intercambio de datos dentro del mecanismo nacional de derivación.",
                                "Verifique el fundamento de toda solicitud de la policía o de otras autoridades y comunique solo lo necesario.",
                                "Nunca comparta los datos de una víctima con el país de los presuntos tratantes sin evaluación de riesgos ni salvaguardas; nunca revele una solicitud de asilo al país de origen.",
                            ],
                        }),
                    ],
                },
                {
                    "slug": "rights-retention-and-breaches",
                    "title": "Derechos de las personas, conservación y vulneraciones de seguridad",
                    "summary": "Cómo responder a las solicitudes de los titulares de los datos, cuándo destruir los datos y qué hacer cuando se pierden o se divulgan.",
                    "minutes": 20,
                    "body": [
                        ("text", (
                            "<h2>Los derechos de los titulares de los datos</h2>"
                            "<p>Las personas cuyos datos usted tiene no son objetos pasivos de un expediente. Las leyes "
                            "de protección de datos les reconocen derechos, entre ellos:</p>"
                            "<ul>"
                            "<li>el derecho a la <b>información</b> sobre quién trata sus datos, para qué y con quién se "
                            "comparten;</li>"
                            "<li>el derecho de <b>acceso</b> a los datos que se tienen sobre ellas, por lo general con una "
                            "copia;</li>"
                            "<li>el derecho de <b>rectificación</b> de los datos inexactos o incompletos;</li>"
                            "<li>el derecho de <b>supresión</b> (o cancelación) de los datos que ya no son necesarios o "
                            "que se trataron de forma ilícita;</li>"
                            "<li>el derecho de <b>oposición</b> a determinados usos de sus datos.</li>"
                            "</ul>"
                            "<p>En muchos países de la región, los derechos de acceso, rectificación, cancelación y "
                            "oposición se conocen como derechos ARCO, y pueden hacerse valer ante la autoridad de "
                            "protección de datos o ante los tribunales, por ejemplo mediante la acción de hábeas data. "
                            "Estos derechos pueden limitarse por ley, por ejemplo cuando la comunicación perjudicaría "
                            "una investigación penal o la seguridad de otra persona, pero la limitación debe "
                            "justificarse caso por caso y no aplicarse por costumbre. Tramite las solicitudes de forma "
                            "sencilla: verifique la identidad de la persona, responda en un idioma que entienda y dentro "
                            "del plazo que fije la ley o la política interna, sin costo, y deje constancia de la "
                            "solicitud y de su respuesta.</p>"
                            "<h2>Conservación y destrucción</h2>"
                            "<p>Un calendario de conservación (o tabla de retención documental) indica cuánto tiempo se "
                            "conserva cada categoría de datos, por ejemplo los datos de registro, los expedientes de "
                            "casos, las historias clínicas y los registros contables, y qué ocurre al término del plazo. "
                            "Los plazos dependen de la legislación nacional, de los requisitos de los donantes y de la "
                            "necesidad de apoyar a una persona que pueda volver a pedir ayuda. Al término del plazo, los "
                            "datos se destruyen de forma segura, tanto en papel como en los sistemas electrónicos, "
                            "incluidas las copias de seguridad, o se anonimizan con fines estadísticos.</p>"
                        )),
                        ("text", (
                            "<h2>Cuando algo sale mal</h2>"
                            "<p>Una vulneración de seguridad de los datos personales (también llamada brecha de datos) "
                            "es toda destrucción, pérdida o alteración, accidental o ilícita, de datos personales, o "
                            "toda comunicación o acceso no autorizados a ellos: una computadora portátil robada, un "
                            "correo enviado a la dirección equivocada, un expediente olvidado en un taxi, una base de "
                            "datos expuesta en internet. Actúe con rapidez:</p>"
                            "<ol>"
                            "<li><b>Contener</b> la vulneración: recuperar el objeto, cambiar las contraseñas, bloquear "
                            "los accesos, pedir a los destinatarios equivocados que borren los datos.</li>"
                            "<li><b>Evaluar</b> el riesgo para las personas afectadas: qué datos, qué tan sensibles, "
                            "quién puede tenerlos, qué daño podría derivarse.</li>"
                            "<li><b>Notificar</b> de inmediato, a nivel interno, al punto focal de protección de datos "
                            "y, cuando la ley lo exija, a la autoridad de control. El Reglamento General de Protección "
                            "de Datos de la Unión Europea, por ejemplo, exige notificarla en un plazo de 72 horas; las "
                            "leyes nacionales de la región fijan sus propias reglas.</li>"
                            "<li><b>Informar</b> a las personas afectadas cuando el riesgo para ellas sea alto, para que "
                            "puedan protegerse, y ayudarlas a hacerlo.</li>"
                            "<li><b>Registrar y aprender</b>: documentar la vulneración y la respuesta, y corregir la "
                            "causa.</li>"
                            "</ol>"
                        )),
                        ("case_study", {
                            "title": "La computadora en el automóvil",
                            "scenario": (
                                "<p>Una trabajadora social de una organización que apoya a víctimas de trata en Bogotá "
                                "deja su computadora portátil en el automóvil mientras visita a una familia. Cuando "
                                "regresa, la ventanilla está rota y la computadora ya no está. Contiene hojas de cálculo "
                                "con los nombres, las fotografías, las direcciones de los albergues y las notas de caso de "
                                "60 personas, entre ellas niñas, niños y adolescentes. La computadora tiene contraseña, "
                                "pero no está cifrada. Ella siente vergüenza y piensa esperar hasta el lunes para "
                                "contárselo a su jefa.</p>"
                            ),
                            "question": "¿Qué debe ocurrir en las próximas 24 horas y qué debe cambiar después?",
                            "discussion": (
                                "<p>Debe informar del robo de inmediato a su jefa y al punto focal de protección de "
                                "datos, y denunciarlo ante la policía. Hay que cambiar las contraseñas del correo "
                                "electrónico y de todas las cuentas accesibles desde la computadora. Como los datos no "
                                "están cifrados y son muy sensibles, el riesgo es alto: la organización debe evaluar si "
                                "alguna de las personas alojadas corre peligro ahora, considerar el traslado de aquellas "
                                "cuya ubicación quedó expuesta, informar con cuidado a las personas afectadas y notificar "
                                "a la autoridad nacional de protección de datos según lo exija la ley. Después, los "
                                "dispositivos deben cifrarse, los expedientes deben guardarse en un sistema seguro y no "
                                "en computadoras portátiles, y el personal debe recibir capacitación para no dejar nunca "
                                "dispositivos en los vehículos. Una cultura en la que las personas informan rápidamente "
                                "de los incidentes, sin miedo a que se las culpe, importa tanto como la tecnología.</p>"
                            ),
                        }),
                        ("key_points", {
                            "title": "Puntos clave",
                            "points": [
                                "Los titulares de los datos tienen derecho a la información, el acceso, la rectificación, la supresión y la oposición; toda limitación debe justificarse caso por caso.",
                                "Aplique un calendario de conservación y destruya o anonimice los datos de forma segura al término del plazo, incluidas las copias de seguridad.",
                                "Ante una vulneración de seguridad, contenga, evalúe, notifique, informe a las personas en riesgo y aprenda de lo ocurrido, sin demora.",
                                "Fomente la notificación rápida de incidentes; ocultar una vulneración agrava el daño.",
                            ],
                        }),
                    ],
                },
            ],
        },
    ],
}


COURSES = [
    COLLECTING_AND_PROTECTING_DATA,
]
