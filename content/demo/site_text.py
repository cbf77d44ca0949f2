"""Short demo texts in every language: topics, catalogue introductions, quiz titles and
introductions, and the demo certificate template's wording.

Plain data, read by the seed_demo command. A language missing from a dict keeps the English
text (quizzes) or the standard wording (certificates).
"""

TOPICS = {
    "victim-identification": {
        "en": "Victim identification",
        "fr": "Identification des victimes",
        "ar": "التعرّف على الضحايا",
        "es": "Identificación de víctimas",
        "ru": "Выявление жертв",
    },
    "referral": {
        "en": "Referral and assistance",
        "fr": "Orientation et assistance",
        "ar": "الإحالة والمساعدة",
        "es": "Derivación y asistencia",
        "ru": "Перенаправление и помощь",
    },
    "legal-framework": {
        "en": "Legal framework",
        "fr": "Cadre juridique",
        "ar": "الإطار القانوني",
        "es": "Marco jurídico",
        "ru": "Правовая база",
    },
    "prosecution": {
        "en": "Investigation and prosecution",
        "fr": "Enquêtes et poursuites",
        "ar": "التحقيق والملاحقة القضائية",
        "es": "Investigación y enjuiciamiento",
        "ru": "Расследование и уголовное преследование",
    },
    "reception": {
        "en": "Reception centres",
        "fr": "Centres d'accueil",
        "ar": "مراكز الاستقبال",
        "es": "Centros de acogida",
        "ru": "Центры приёма",
    },
    "child-protection": {
        "en": "Child protection",
        "fr": "Protection de l'enfance",
        "ar": "حماية الطفل",
        "es": "Protección de la infancia",
        "ru": "Защита детей",
    },
    "data-protection": {
        "en": "Data protection",
        "fr": "Protection des données",
        "ar": "حماية البيانات الشخصية",
        "es": "Protección de datos personales",
        "ru": "Защита персональных данных",
    },
}

CATALOGUE_INTROS = {
    "en": "Free, self-paced courses written by practitioners. Each ends with a certificate that anyone can verify.",
    "fr": "Des formations gratuites, à suivre à son rythme, écrites par des praticiens. Chacune se termine par un certificat que chacun peut vérifier.",
    "ar": "دورات مجانية يتابعها المتدرّب وفق وتيرته الخاصة، أعدّها ممارسون ميدانيون. وتُختتم كل دورة بشهادة يمكن لأي جهة التحقّق من صحتها.",
    "es": "Cursos gratuitos, a su propio ritmo, escritos por profesionales con experiencia de terreno. Cada curso termina con un certificado que cualquier persona puede verificar.",
    "ru": "Бесплатные курсы в удобном темпе, подготовленные практиками. Каждый курс завершается сертификатом, подлинность которого может проверить любой.",
}

# Title and introduction of a course's final quiz.
QUIZ_TEXT = {
    "en": (
        "Check your knowledge",
        "<p>Answer the questions to complete the course. You can stop at any time: your answers are saved.</p>",
    ),
    "fr": (
        "Vérifiez vos connaissances",
        "<p>Répondez aux questions pour terminer la formation. Vous pouvez vous arrêter à tout moment : vos "
        "réponses sont enregistrées.</p>",
    ),
    "ar": (
        "اختبر معلوماتك",
        "<p>أجب عن الأسئلة لإتمام الدورة. يمكنك التوقف في أي وقت، فإجاباتك تُحفظ تلقائيًا.</p>",
    ),
    "es": (
        "Compruebe sus conocimientos",
        "<p>Responda las preguntas para completar el curso. Puede detenerse en cualquier momento: sus respuestas "
        "quedan guardadas.</p>",
    ),
}

# The demo certificate template's own wording in the languages that have a complete course.
# Placeholders: see certificates.wording.PLACEHOLDERS. Written so as not to depend on the
# trainee's gender.
CERTIFICATE_WORDING = {
    "ar": {
        "title": "شهادة إتمام دورة تدريبية",
        "intro": "تُمنح هذه الشهادة إلى",
        "body": "تقديرًا لإتمام الدورة التدريبية «{course}» بنجاح بتاريخ {date}، بواقع {hours} ساعة تدريبية.",
        "score_line": "الدرجة النهائية: {score}",
        "signatory_titles": "رئيسة قسم التدريب",
    },
    "es": {
        "title": "Certificado de aprobación",
        "intro": "Se otorga el presente certificado a",
        "body": "por haber completado satisfactoriamente el curso «{course}» el {date}, con una carga horaria de {hours} horas.",
        "score_line": "Calificación final: {score}",
        "signatory_titles": "Jefa de formación",
    },
    # French and Russian keep the standard wording; only the signatory's title is theirs.
    "fr": {"signatory_titles": "Responsable de la formation"},
    "ru": {"signatory_titles": "Руководитель отдела обучения"},
}
