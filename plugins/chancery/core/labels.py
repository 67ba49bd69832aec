"""The one table of interface strings, in every language of the demo portal.

A site language missing from an entry falls back to English, so that a new language can be
added before its strings are; `chancery check` reports what is missing.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "lifecycle.withdrawn": {
        "en": "This page was withdrawn on {date}.",
        "ko": "이 페이지는 {date}에 철회되었습니다.",
        "fr": "Cette page a été retirée le {date}.",
        "es": "Esta página fue retirada el {date}.",
        "zh": "本页面已于{date}撤回。",
        "ar": "سُحبت هذه الصفحة في {date}.",
    },
    "lifecycle.withdrawn_reason": {
        "en": "Reason:",
        "ko": "사유:",
        "fr": "Motif :",
        "es": "Motivo:",
        "zh": "原因：",
        "ar": "السبب:",
    },
    "lifecycle.administration": {
        "en": "This was published under {administration}. It may not reflect the current "
        "government's policy.",
        "ko": "이 글은 {administration} 때 게시되었습니다. 현 정부의 정책과 다를 수 있습니다.",
        "fr": "Ce contenu a été publié sous {administration}. Il peut ne pas refléter la "
        "politique du gouvernement actuel.",
        "es": "Este contenido se publicó durante {administration}. Puede no reflejar la "
        "política del gobierno actual.",
        "zh": "本内容发布于{administration}期间，可能不反映现政府的政策。",
        "ar": "نُشر هذا المحتوى في عهد {administration}، وقد لا يعبّر عن سياسة الحكومة الحالية.",
    },
    "lifecycle.history": {
        "en": "Page history",
        "ko": "변경 이력",
        "fr": "Historique de la page",
        "es": "Historial de la página",
        "zh": "修改记录",
        "ar": "سجل التعديلات",
    },
    # Dates of any page.
    "published": {
        "en": "Published",
        "ko": "게시일",
        "fr": "Publié le",
        "es": "Publicado el",
        "zh": "发布日期",
        "ar": "تاريخ النشر",
    },
    "updated": {
        "en": "Updated",
        "ko": "수정일",
        "fr": "Mis à jour le",
        "es": "Actualizado el",
        "zh": "更新日期",
        "ar": "تاريخ التحديث",
    },
    # Translation notices (chancery/languages). {language}: the reader's language; {original}:
    # the original's language; {date}: when the original changed. Names come from Babel, in
    # the reader's language (lower case in French and Spanish, as in running text).
    "notice.missing": {
        "en": "This page is not yet available in {language}. It is shown in its original "
        "language, {original}.",
        "ko": "이 페이지는 아직 {language}로 제공되지 않아 원문({original})으로 보여 드립니다.",
        "fr": "Cette page n'est pas encore disponible en {language}. Elle est affichée dans sa "
        "langue d'origine, en {original}.",
        "es": "Esta página aún no está disponible en {language}. Se muestra en su idioma "
        "original, en {original}.",
        "zh": "本页面尚无{language}版本，现以原文（{original}）显示。",
        "ar": "هذه الصفحة غير متوفرة بعد باللغة {language}، لذا تُعرض بلغتها الأصلية: {original}.",
    },
    "notice.stale": {
        "en": "The {original} version of this page was updated on {date}; this translation may "
        "not include the changes yet.",
        "ko": "이 페이지의 원문({original})이 {date}에 수정되었습니다. 이 번역에는 수정 내용이 "
        "아직 반영되지 않았을 수 있습니다.",
        "fr": "La version en {original} de cette page a été mise à jour le {date} ; cette "
        "traduction n'en tient peut-être pas encore compte.",
        "es": "La versión en {original} de esta página se actualizó el {date}; es posible que "
        "esta traducción aún no refleje los cambios.",
        "zh": "本页面的{original}原文已于{date}更新，此译文可能尚未反映有关修改。",
        "ar": "حُدِّثت النسخة {original} من هذه الصفحة في {date}، وقد لا تتضمن هذه الترجمة "
        "التعديلات بعد.",
    },
    "notice.stale_undated": {
        "en": "The {original} version of this page has changed since it was translated; this "
        "translation may not include the changes yet.",
        "ko": "이 페이지의 원문({original})이 번역 이후 수정되었습니다. 이 번역에는 수정 내용이 "
        "아직 반영되지 않았을 수 있습니다.",
        "fr": "La version en {original} de cette page a changé depuis sa traduction ; cette "
        "traduction n'en tient peut-être pas encore compte.",
        "es": "La versión en {original} de esta página cambió después de su traducción; es "
        "posible que esta traducción aún no refleje los cambios.",
        "zh": "本页面的{original}原文在翻译后已有修改，此译文可能尚未反映有关修改。",
        "ar": "تغيّرت النسخة {original} من هذه الصفحة بعد ترجمتها، وقد لا تتضمن هذه الترجمة "
        "التعديلات بعد.",
    },
    "notice.read_original": {
        "en": "Read the original",
        "ko": "원문 보기",
        "fr": "Lire la version originale",
        "es": "Leer la versión original",
        "zh": "查看原文",
        "ar": "اقرأ النص الأصلي",
    },
    # Statements, speeches and press releases.
    "statement.kind.statement": {
        "en": "Statement",
        "ko": "성명",
        "fr": "Déclaration",
        "es": "Declaración",
        "zh": "声明",
        "ar": "بيان",
    },
    "statement.kind.speech": {
        "en": "Speech",
        "ko": "연설",
        "fr": "Discours",
        "es": "Discurso",
        "zh": "讲话",
        "ar": "خطاب",
    },
    "statement.kind.press-release": {
        "en": "Press release",
        "ko": "보도자료",
        "fr": "Communiqué de presse",
        "es": "Comunicado de prensa",
        "zh": "新闻稿",
        "ar": "بيان صحفي",
    },
    "statement.speaker": {
        "en": "Speaker",
        "ko": "발언자",
        "fr": "Intervenant",
        "es": "Orador",
        "zh": "讲话人",
        "ar": "المتحدث",
    },
    "statement.place": {
        "en": "Place",
        "ko": "장소",
        "fr": "Lieu",
        "es": "Lugar",
        "zh": "地点",
        "ar": "المكان",
    },
    "statement.date": {
        "en": "Date",
        "ko": "일자",
        "fr": "Date",
        "es": "Fecha",
        "zh": "日期",
        "ar": "التاريخ",
    },
    # Travel advice.
    "travel.kicker": {
        "en": "Travel advice",
        "ko": "해외안전여행",
        "fr": "Conseils aux voyageurs",
        "es": "Recomendaciones de viaje",
        "zh": "旅行提示",
        "ar": "نصائح السفر",
    },
    "travel.country": {
        "en": "Country",
        "ko": "국가",
        "fr": "Pays",
        "es": "País",
        "zh": "国家",
        "ar": "البلد",
    },
    "travel.level": {
        "en": "Advice level",
        "ko": "여행경보 단계",
        "fr": "Niveau de vigilance",
        "es": "Nivel de alerta",
        "zh": "旅行提示等级",
        "ar": "مستوى التحذير",
    },
    # {level} is replaced by the number, 1 to 4.
    "travel.level.number": {
        "en": "Level {level} of 4",
        "ko": "여행경보 {level}단계",
        "fr": "Niveau {level} sur 4",
        "es": "Nivel {level} de 4",
        "zh": "{level}级（共4级）",
        "ar": "المستوى {level} من 4",
    },
    "travel.level.1": {
        "en": "Exercise normal precautions",
        "ko": "일반적인 주의",
        "fr": "Faire preuve des précautions habituelles",
        "es": "Tome las precauciones habituales",
        "zh": "保持正常的安全防范意识",
        "ar": "اتخاذ الاحتياطات المعتادة",
    },
    "travel.level.2": {
        "en": "Exercise a high degree of caution",
        "ko": "각별한 주의",
        "fr": "Faire preuve d'une vigilance renforcée",
        "es": "Extreme las precauciones",
        "zh": "提高警惕",
        "ar": "توخّي درجة عالية من الحذر",
    },
    "travel.level.3": {
        "en": "Reconsider your need to travel",
        "ko": "여행 필요성 재검토",
        "fr": "Reconsidérer la nécessité du voyage",
        "es": "Reconsidere la necesidad de viajar",
        "zh": "慎重考虑是否前往",
        "ar": "إعادة النظر في ضرورة السفر",
    },
    "travel.level.4": {
        "en": "Do not travel",
        "ko": "여행 금지",
        "fr": "Ne pas voyager",
        "es": "No viaje",
        "zh": "请勿前往",
        "ar": "تجنّب السفر",
    },
    # Consular services.
    "consular.fee": {
        "en": "Fee",
        "ko": "수수료",
        "fr": "Tarif",
        "es": "Tasa",
        "zh": "费用",
        "ar": "الرسوم",
    },
    "consular.processing_time": {
        "en": "Processing time",
        "ko": "처리 기간",
        "fr": "Délai de traitement",
        "es": "Plazo de tramitación",
        "zh": "办理时间",
        "ar": "مدة الإنجاز",
    },
    "service.passport": {
        "en": "Passports",
        "ko": "여권",
        "fr": "Passeports",
        "es": "Pasaportes",
        "zh": "护照",
        "ar": "جوازات السفر",
    },
    "service.visa": {
        "en": "Visas",
        "ko": "사증(비자)",
        "fr": "Visas",
        "es": "Visas",
        "zh": "签证",
        "ar": "التأشيرات",
    },
    "service.notarial": {
        "en": "Notarial services",
        "ko": "공증",
        "fr": "Actes notariés",
        "es": "Servicios notariales",
        "zh": "公证",
        "ar": "التوثيق والتصديق",
    },
    "service.registration": {
        "en": "Registration of citizens abroad",
        "ko": "재외국민등록",
        "fr": "Inscription consulaire",
        "es": "Registro de nacionales en el exterior",
        "zh": "海外公民登记",
        "ar": "تسجيل المواطنين في الخارج",
    },
    "service.emergency-assistance": {
        "en": "Emergency assistance",
        "ko": "긴급 영사 조력",
        "fr": "Assistance d'urgence",
        "es": "Asistencia en emergencias",
        "zh": "紧急领事协助",
        "ar": "المساعدة في حالات الطوارئ",
    },
    "service.other": {
        "en": "Other services",
        "ko": "기타 서비스",
        "fr": "Autres services",
        "es": "Otros servicios",
        "zh": "其他服务",
        "ar": "خدمات أخرى",
    },
    # Campaigns.
    "campaign.hashtag": {
        "en": "Hashtag",
        "ko": "해시태그",
        "fr": "Hashtag",
        "es": "Etiqueta",
        "zh": "话题标签",
        "ar": "الوسم",
    },
    "campaign.period": {
        "en": "Period",
        "ko": "기간",
        "fr": "Période",
        "es": "Periodo",
        "zh": "活动时间",
        "ar": "المدة",
    },
    "campaign.start": {
        "en": "Starts",
        "ko": "시작일",
        "fr": "Début",
        "es": "Inicio",
        "zh": "开始日期",
        "ar": "تاريخ البدء",
    },
    "campaign.partners": {
        "en": "Partners",
        "ko": "협력 기관",
        "fr": "Partenaires",
        "es": "Socios",
        "zh": "合作伙伴",
        "ar": "الشركاء",
    },
    # Fact-checks.
    "factcheck.kicker": {
        "en": "Fact check",
        "ko": "팩트체크",
        "fr": "Vérification des faits",
        "es": "Verificación de datos",
        "zh": "事实核查",
        "ar": "تدقيق الحقائق",
    },
    "factcheck.claim": {
        "en": "The claim",
        "ko": "확인 대상 주장",
        "fr": "L'affirmation",
        "es": "La afirmación",
        "zh": "核查的说法",
        "ar": "الادعاء",
    },
    "factcheck.claimant": {
        "en": "Claimed by",
        "ko": "주장한 곳",
        "fr": "Auteur",
        "es": "Autor",
        "zh": "说法来源",
        "ar": "مصدر الادعاء",
    },
    "factcheck.appeared_in": {
        "en": "Where it appeared",
        "ko": "유포 경로",
        "fr": "Où elle a circulé",
        "es": "Dónde circuló",
        "zh": "传播渠道",
        "ar": "أين ظهر",
    },
    "factcheck.rating": {
        "en": "Our rating",
        "ko": "판정",
        "fr": "Notre verdict",
        "es": "Nuestra calificación",
        "zh": "核查结论",
        "ar": "الحكم",
    },
    "factcheck.evidence": {
        "en": "What we found",
        "ko": "확인 결과",
        "fr": "Ce que nous avons vérifié",
        "es": "Lo que comprobamos",
        "zh": "核查依据",
        "ar": "ما توصّلنا إليه",
    },
    "rating.false": {
        "en": "False",
        "ko": "사실 아님",
        "fr": "Faux",
        "es": "Falso",
        "zh": "不实",
        "ar": "غير صحيح",
    },
    "rating.misleading": {
        "en": "Misleading",
        "ko": "오해의 소지",
        "fr": "Trompeur",
        "es": "Engañoso",
        "zh": "误导",
        "ar": "مضلِّل",
    },
    "rating.missing-context": {
        "en": "Missing context",
        "ko": "맥락 누락",
        "fr": "Manque de contexte",
        "es": "Falta contexto",
        "zh": "缺少背景",
        "ar": "ينقصه السياق",
    },
    "rating.unproven": {
        "en": "Unproven",
        "ko": "근거 부족",
        "fr": "Non prouvé",
        "es": "Sin pruebas",
        "zh": "未经证实",
        "ar": "غير مثبت",
    },
    "rating.true": {
        "en": "True",
        "ko": "사실",
        "fr": "Vrai",
        "es": "Verdadero",
        "zh": "属实",
        "ar": "صحيح",
    },
    # Events.
    "event.start": {
        "en": "Starts",
        "ko": "시작",
        "fr": "Début",
        "es": "Inicio",
        "zh": "开始时间",
        "ar": "البداية",
    },
    "event.end": {
        "en": "Ends",
        "ko": "종료",
        "fr": "Fin",
        "es": "Fin",
        "zh": "结束时间",
        "ar": "النهاية",
    },
    "event.location": {
        "en": "Location",
        "ko": "장소",
        "fr": "Lieu",
        "es": "Lugar",
        "zh": "地点",
        "ar": "المكان",
    },
    # Embassies and consulates.
    "mission.kind.embassy": {
        "en": "Embassy",
        "ko": "대사관",
        "fr": "Ambassade",
        "es": "Embajada",
        "zh": "大使馆",
        "ar": "سفارة",
    },
    "mission.kind.consulate-general": {
        "en": "Consulate-General",
        "ko": "총영사관",
        "fr": "Consulat général",
        "es": "Consulado General",
        "zh": "总领事馆",
        "ar": "قنصلية عامة",
    },
    "mission.kind.consulate": {
        "en": "Consulate",
        "ko": "영사관",
        "fr": "Consulat",
        "es": "Consulado",
        "zh": "领事馆",
        "ar": "قنصلية",
    },
    # {city} and {country} are replaced by the mission's city and the country's name.
    "mission.place": {
        "en": "{city}, {country}",
        "ko": "{country} {city}",
        "fr": "{city} ({country})",
        "es": "{city} ({country})",
        "zh": "{country}{city}",
        "ar": "{city}، {country}",
    },
    "mission.contact": {
        "en": "Contact",
        "ko": "연락처",
        "fr": "Coordonnées",
        "es": "Contacto",
        "zh": "联系方式",
        "ar": "معلومات الاتصال",
    },
    "mission.address": {
        "en": "Address",
        "ko": "주소",
        "fr": "Adresse",
        "es": "Dirección",
        "zh": "地址",
        "ar": "العنوان",
    },
    "mission.phone": {
        "en": "Phone",
        "ko": "전화",
        "fr": "Téléphone",
        "es": "Teléfono",
        "zh": "电话",
        "ar": "الهاتف",
    },
    "mission.emergency_phone": {
        "en": "Emergency phone",
        "ko": "긴급 연락처",
        "fr": "Téléphone d'urgence",
        "es": "Teléfono de emergencia",
        "zh": "紧急电话",
        "ar": "هاتف الطوارئ",
    },
    "mission.email": {
        "en": "Email",
        "ko": "이메일",
        "fr": "Courriel",
        "es": "Correo electrónico",
        "zh": "电子邮件",
        "ar": "البريد الإلكتروني",
    },
    "mission.hours": {
        "en": "Opening hours",
        "ko": "업무 시간",
        "fr": "Horaires d'ouverture",
        "es": "Horario de atención",
        "zh": "办公时间",
        "ar": "ساعات العمل",
    },
    "mission.languages": {
        "en": "Languages spoken",
        "ko": "상담 가능 언어",
        "fr": "Langues parlées",
        "es": "Idiomas de atención",
        "zh": "服务语言",
        "ar": "لغات الخدمة",
    },
    "mission.services": {
        "en": "Consular services",
        "ko": "영사 서비스",
        "fr": "Services consulaires",
        "es": "Servicios consulares",
        "zh": "领事服务",
        "ar": "الخدمات القنصلية",
    },
    "suggest.available": {
        "en": "This page is available in English.",
        "ko": "이 페이지는 한국어로도 볼 수 있습니다.",
        "fr": "Cette page est disponible en français.",
        "es": "Esta página está disponible en español.",
        "zh": "本页面有中文版本。",
        "ar": "هذه الصفحة متاحة باللغة العربية.",
    },
    "suggest.open": {
        "en": "Read in English",
        "ko": "한국어로 보기",
        "fr": "Lire en français",
        "es": "Leer en español",
        "zh": "阅读中文版",
        "ar": "اقرأ بالعربية",
    },
    "suggest.dismiss": {
        "en": "Dismiss",
        "ko": "닫기",
        "fr": "Fermer",
        "es": "Cerrar",
        "zh": "关闭",
        "ar": "إغلاق",
    },
}

FALLBACK_LANGUAGE = "en"


class UnknownLabelError(KeyError):
    """A template asked for a string that is not in the table."""


def label(key: str, language: str) -> str:
    """The interface string ``key`` in ``language``, or in English if it is not translated."""
    try:
        entry = LABELS[key]
    except KeyError as error:
        raise UnknownLabelError(
            f"no interface string '{key}'; add it to chancery.core.labels"
        ) from error
    return entry.get(language) or entry[FALLBACK_LANGUAGE]


def missing_labels(language: str) -> list[str]:
    """Keys of the strings that have no text in ``language``."""
    return sorted(key for key, entry in LABELS.items() if language not in entry)
