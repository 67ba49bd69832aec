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
    # Listings, hubs, the missions directory, campaigns and feeds (chancery/listings):
    # {title}, {site}, {place} (a region or a country), {tag}, {year}, {number}, {total},
    # {name} and {language} are filled in by chancery.core.listings.
    "item.page": {
        "en": "Page",
        "ko": "페이지",
        "fr": "Page",
        "es": "Página",
        "zh": "页面",
        "ar": "صفحة",
    },
    "item.news": {
        "en": "News",
        "ko": "뉴스",
        "fr": "Actualité",
        "es": "Noticia",
        "zh": "新闻",
        "ar": "خبر",
    },
    "item.statement": {
        "en": "Statement",
        "ko": "성명",
        "fr": "Déclaration",
        "es": "Declaración",
        "zh": "声明",
        "ar": "بيان",
    },
    "item.travel-advice": {
        "en": "Travel advice",
        "ko": "해외안전여행 정보",
        "fr": "Conseils aux voyageurs",
        "es": "Recomendación de viaje",
        "zh": "旅行提示",
        "ar": "نصائح السفر",
    },
    "item.consular-service": {
        "en": "Consular service",
        "ko": "영사 서비스",
        "fr": "Service consulaire",
        "es": "Servicio consular",
        "zh": "领事服务",
        "ar": "خدمة قنصلية",
    },
    "item.campaign": {
        "en": "Campaign",
        "ko": "캠페인",
        "fr": "Campagne",
        "es": "Campaña",
        "zh": "宣传活动",
        "ar": "حملة",
    },
    "item.fact-check": {
        "en": "Fact check",
        "ko": "팩트체크",
        "fr": "Vérification des faits",
        "es": "Verificación de datos",
        "zh": "事实核查",
        "ar": "تدقيق الحقائق",
    },
    "item.event": {
        "en": "Event",
        "ko": "행사",
        "fr": "Événement",
        "es": "Evento",
        "zh": "活动",
        "ar": "فعالية",
    },
    "item.mission": {
        "en": "Mission",
        "ko": "재외공관",
        "fr": "Représentation",
        "es": "Representación",
        "zh": "驻外使领馆",
        "ar": "بعثة",
    },
    "listing.news": {
        "en": "News",
        "ko": "뉴스",
        "fr": "Actualités",
        "es": "Noticias",
        "zh": "新闻",
        "ar": "الأخبار",
    },
    "listing.statement": {
        "en": "Statements",
        "ko": "성명",
        "fr": "Déclarations",
        "es": "Declaraciones",
        "zh": "声明",
        "ar": "البيانات",
    },
    "listing.travel-advice": {
        "en": "Travel advice",
        "ko": "해외안전여행",
        "fr": "Conseils aux voyageurs",
        "es": "Recomendaciones de viaje",
        "zh": "旅行提示",
        "ar": "نصائح السفر",
    },
    "listing.consular-service": {
        "en": "Consular services",
        "ko": "영사 서비스",
        "fr": "Services consulaires",
        "es": "Servicios consulares",
        "zh": "领事服务",
        "ar": "الخدمات القنصلية",
    },
    "listing.campaign": {
        "en": "Campaigns",
        "ko": "캠페인",
        "fr": "Campagnes",
        "es": "Campañas",
        "zh": "宣传活动",
        "ar": "الحملات",
    },
    "listing.fact-check": {
        "en": "Fact checks",
        "ko": "팩트체크",
        "fr": "Vérification des faits",
        "es": "Verificación de datos",
        "zh": "事实核查",
        "ar": "تدقيق الحقائق",
    },
    "listing.event": {
        "en": "Events",
        "ko": "행사",
        "fr": "Événements",
        "es": "Eventos",
        "zh": "活动",
        "ar": "الفعاليات",
    },
    "listing.mission": {
        "en": "Embassies and consulates",
        "ko": "재외공관",
        "fr": "Ambassades et consulats",
        "es": "Embajadas y consulados",
        "zh": "驻外使领馆",
        "ar": "السفارات والقنصليات",
    },
    "listing.page_title": {
        "en": "{title}, page {number}",
        "ko": "{title} ({number}쪽)",
        "fr": "{title}, page {number}",
        "es": "{title}, página {number}",
        "zh": "{title}（第{number}页）",
        "ar": "{title}، الصفحة {number}",
    },
    "listing.description": {
        "en": "{title} – {site}",
        "ko": "{title} – {site}",
        "fr": "{title} – {site}",
        "es": "{title} – {site}",
        "zh": "{title} – {site}",
        "ar": "{title} – {site}",
    },
    "listing.page_of": {
        "en": "Page {number} of {total}",
        "ko": "{total}쪽 중 {number}쪽",
        "fr": "Page {number} sur {total}",
        "es": "Página {number} de {total}",
        "zh": "第 {number} 页，共 {total} 页",
        "ar": "الصفحة {number} من {total}",
    },
    "listing.previous": {
        "en": "Newer",
        "ko": "최신 글",
        "fr": "Plus récents",
        "es": "Más recientes",
        "zh": "较新内容",
        "ar": "الأحدث",
    },
    "listing.next": {
        "en": "Older",
        "ko": "이전 글",
        "fr": "Plus anciens",
        "es": "Más antiguos",
        "zh": "较早内容",
        "ar": "الأقدم",
    },
    "listing.pagination": {
        "en": "Pages of this list",
        "ko": "목록 페이지",
        "fr": "Pages de cette liste",
        "es": "Páginas de esta lista",
        "zh": "列表分页",
        "ar": "صفحات هذه القائمة",
    },
    "listing.empty": {
        "en": "Nothing has been published here in this language yet.",
        "ko": "아직 이 언어로 게시된 글이 없습니다.",
        "fr": "Rien n'a encore été publié ici dans cette langue.",
        "es": "Todavía no se ha publicado nada aquí en este idioma.",
        "zh": "此处尚无以该语言发布的内容。",
        "ar": "لم يُنشر هنا أي محتوى بهذه اللغة بعد.",
    },
    "archive.title": {
        "en": "Archive",
        "ko": "보관함",
        "fr": "Archives",
        "es": "Archivo",
        "zh": "归档",
        "ar": "الأرشيف",
    },
    "archive.year": {
        "en": "Archive {year}",
        "ko": "{year}년 보관함",
        "fr": "Archives {year}",
        "es": "Archivo {year}",
        "zh": "{year}年归档",
        "ar": "أرشيف {year}",
    },
    "tags.title": {
        "en": "Topics",
        "ko": "주제",
        "fr": "Thèmes",
        "es": "Temas",
        "zh": "主题",
        "ar": "المواضيع",
    },
    "tag.title": {
        "en": "Topic: {tag}",
        "ko": "주제: {tag}",
        "fr": "Thème : {tag}",
        "es": "Tema: {tag}",
        "zh": "主题：{tag}",
        "ar": "الموضوع: {tag}",
    },
    "hubs.title": {
        "en": "Readers by region and country",
        "ko": "지역별·국가별 소식",
        "fr": "Par région et par pays",
        "es": "Por región y por país",
        "zh": "按地区和国家浏览",
        "ar": "حسب المنطقة والبلد",
    },
    "hubs.other": {
        "en": "Other countries",
        "ko": "기타 국가",
        "fr": "Autres pays",
        "es": "Otros países",
        "zh": "其他国家",
        "ar": "بلدان أخرى",
    },
    "hub.title": {
        "en": "For readers in {place}",
        "ko": "{place} 독자를 위한 소식",
        "fr": "Pour nos lecteurs : {place}",
        "es": "Para nuestros lectores en {place}",
        "zh": "面向{place}读者",
        "ar": "لقرّائنا في {place}",
    },
    "hub.description": {
        "en": "News, statements and services for readers in {place}.",
        "ko": "{place} 독자를 위한 뉴스, 성명, 서비스입니다.",
        "fr": "Actualités, déclarations et services pour nos lecteurs : {place}.",
        "es": "Noticias, declaraciones y servicios para nuestros lectores en {place}.",
        "zh": "面向{place}读者的新闻、声明和服务。",
        "ar": "أخبار وبيانات وخدمات لقرّائنا في {place}.",
    },
    "hub.countries": {
        "en": "Countries",
        "ko": "국가",
        "fr": "Pays",
        "es": "Países",
        "zh": "国家",
        "ar": "البلدان",
    },
    "hub.region": {
        "en": "Region",
        "ko": "지역",
        "fr": "Région",
        "es": "Región",
        "zh": "地区",
        "ar": "المنطقة",
    },
    "hub.languages": {
        "en": "Also in",
        "ko": "다른 언어로 보기",
        "fr": "Également en",
        "es": "También en",
        "zh": "其他语言版本",
        "ar": "بلغات أخرى",
    },
    "hub.latest": {
        "en": "Latest",
        "ko": "최신 소식",
        "fr": "Dernières publications",
        "es": "Últimas publicaciones",
        "zh": "最新内容",
        "ar": "آخر المنشورات",
    },
    "hub.missions": {
        "en": "Our missions",
        "ko": "재외공관",
        "fr": "Nos représentations",
        "es": "Nuestras representaciones",
        "zh": "驻外使领馆",
        "ar": "بعثاتنا",
    },
    "mission.current": {
        "en": "Latest for readers in {place}",
        "ko": "{place} 관련 최신 소식",
        "fr": "Dernières publications pour nos lecteurs : {place}",
        "es": "Lo último para nuestros lectores en {place}",
        "zh": "面向{place}读者的最新内容",
        "ar": "أحدث المنشورات لقرّائنا في {place}",
    },
    "mission.more": {
        "en": "More for readers in {place}",
        "ko": "{place} 관련 소식 더 보기",
        "fr": "Tout pour nos lecteurs : {place}",
        "es": "Más para nuestros lectores en {place}",
        "zh": "更多面向{place}读者的内容",
        "ar": "المزيد لقرّائنا في {place}",
    },
    "campaign.related": {
        "en": "Part of this campaign",
        "ko": "이 캠페인의 콘텐츠",
        "fr": "Dans le cadre de cette campagne",
        "es": "Parte de esta campaña",
        "zh": "本活动相关内容",
        "ar": "ضمن هذه الحملة",
    },
    "campaign.share": {
        "en": "Share",
        "ko": "공유하기",
        "fr": "Partager",
        "es": "Compartir",
        "zh": "分享",
        "ar": "مشاركة",
    },
    "campaign.link": {
        "en": "Link to this page:",
        "ko": "이 페이지 링크:",
        "fr": "Lien vers cette page :",
        "es": "Enlace a esta página:",
        "zh": "本页链接：",
        "ar": "رابط هذه الصفحة:",
    },
    "share.email": {
        "en": "Email",
        "ko": "이메일",
        "fr": "E-mail",
        "es": "Correo electrónico",
        "zh": "电子邮件",
        "ar": "البريد الإلكتروني",
    },
    "feeds.subscribe": {
        "en": "Follow:",
        "ko": "구독:",
        "fr": "Suivre :",
        "es": "Seguir:",
        "zh": "订阅：",
        "ar": "تابِع:",
    },
    "feed.title": {
        "en": "{site} – {name}",
        "ko": "{site} – {name}",
        "fr": "{site} – {name}",
        "es": "{site} – {name}",
        "zh": "{site} – {name}",
        "ar": "{site} – {name}",
    },
    "feed.subtitle": {
        "en": "Latest publications: {site} ({language})",
        "ko": "{site} 최신 게시물 ({language})",
        "fr": "Dernières publications : {site} ({language})",
        "es": "Últimas publicaciones: {site} ({language})",
        "zh": "{site}最新发布（{language}）",
        "ar": "أحدث منشورات {site} ({language})",
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
    # A colon between a name and its value, as each language writes it ("Niveau 2 : ...").
    "punctuation.colon": {
        "en": ": ",
        "ko": ": ",
        "fr": " : ",
        "es": ": ",
        "zh": "：",
        "ar": ": ",
    },
    # Site-wide alerts and light pages (chancery/consular). The severity is always written out.
    "alert.severity.info": {
        "en": "Information",
        "ko": "안내",
        "fr": "Information",
        "es": "Información",
        "zh": "提示信息",
        "ar": "معلومات",
    },
    "alert.severity.warning": {
        "en": "Warning",
        "ko": "주의",
        "fr": "Avertissement",
        "es": "Advertencia",
        "zh": "警示",
        "ar": "تحذير",
    },
    "alert.severity.critical": {
        "en": "Critical alert",
        "ko": "긴급 경보",
        "fr": "Alerte critique",
        "es": "Alerta crítica",
        "zh": "紧急警报",
        "ar": "تنبيه عاجل",
    },
    "alert.more": {
        "en": "More information",
        "ko": "자세한 정보",
        "fr": "En savoir plus",
        "es": "Más información",
        "zh": "详细信息",
        "ar": "مزيد من المعلومات",
    },
    # {language}: the reader's language; {original}: the language the alert is shown in.
    "alert.untranslated": {
        "en": "This alert is not yet available in {language}; it is shown in {original}.",
        "ko": "이 경보는 아직 {language}로 제공되지 않아 {original}로 보여 드립니다.",
        "fr": "Cette alerte n'est pas encore disponible en {language} ; elle est affichée en "
        "{original}.",
        "es": "Esta alerta aún no está disponible en {language}; se muestra en {original}.",
        "zh": "此警报尚无{language}版本，现以{original}显示。",
        "ar": "هذا التنبيه غير متوفر بعد باللغة {language}، لذا يُعرض باللغة {original}.",
    },
    # {start} and {end}: a date and time in the reader's language.
    "alert.period": {
        "en": "In effect from {start} until {end}.",
        "ko": "적용 기간: {start}부터 {end}까지",
        "fr": "En vigueur du {start} au {end}.",
        "es": "Vigente del {start} al {end}.",
        "zh": "有效期：{start}至{end}",
        "ar": "ساري المفعول من {start} حتى {end}.",
    },
    "light.version": {
        "en": "Text-only version",
        "ko": "텍스트 전용 버전",
        "fr": "Version texte seul",
        "es": "Versión solo texto",
        "zh": "纯文本版",
        "ar": "نسخة نصية فقط",
    },
    "light.home": {
        "en": "Text-only pages",
        "ko": "텍스트 전용 페이지",
        "fr": "Pages en texte seul",
        "es": "Páginas solo texto",
        "zh": "纯文本页面",
        "ar": "صفحات نصية فقط",
    },
    "light.description": {
        "en": "Current alerts and travel advice, as light pages for slow or costly connections.",
        "ko": "느리거나 요금이 비싼 인터넷 환경에서도 볼 수 있도록 가볍게 만든 현재 경보와 "
        "해외안전여행 정보입니다.",
        "fr": "Les alertes en cours et les conseils aux voyageurs, en pages légères pour les "
        "connexions lentes ou coûteuses.",
        "es": "Las alertas vigentes y las recomendaciones de viaje, en páginas ligeras para "
        "conexiones lentas o costosas.",
        "zh": "当前警报和旅行提示的轻量页面，适用于网速慢或流量费用高的网络。",
        "ar": "التنبيهات الحالية ونصائح السفر في صفحات خفيفة تناسب الاتصالات البطيئة أو المكلفة.",
    },
    "light.about": {
        "en": "This is a text-only page.",
        "ko": "텍스트 전용 페이지입니다.",
        "fr": "Ceci est une page en texte seul.",
        "es": "Esta es una página solo texto.",
        "zh": "这是纯文本页面。",
        "ar": "هذه صفحة نصية فقط.",
    },
    "light.full": {
        "en": "Full version",
        "ko": "전체 버전",
        "fr": "Version complète",
        "es": "Versión completa",
        "zh": "完整版",
        "ar": "النسخة الكاملة",
    },
    "light.alerts": {
        "en": "Current alerts",
        "ko": "현재 발령 중인 경보",
        "fr": "Alertes en cours",
        "es": "Alertas vigentes",
        "zh": "当前警报",
        "ar": "التنبيهات الحالية",
    },
    "light.no_alerts": {
        "en": "There is no alert at the moment.",
        "ko": "현재 발령 중인 경보가 없습니다.",
        "fr": "Aucune alerte n'est en cours.",
        "es": "No hay ninguna alerta vigente en este momento.",
        "zh": "目前没有警报。",
        "ar": "لا توجد تنبيهات في الوقت الحالي.",
    },
    "light.languages": {
        "en": "Other languages",
        "ko": "다른 언어",
        "fr": "Autres langues",
        "es": "Otros idiomas",
        "zh": "其他语言",
        "ar": "لغات أخرى",
    },
    # Travel advice: the overview, the feed, contacts and the history of levels.
    "travel.overview.title": {
        "en": "Travel advice by country",
        "ko": "국가별 여행경보",
        "fr": "Conseils aux voyageurs par pays",
        "es": "Recomendaciones de viaje por país",
        "zh": "各国旅行提示",
        "ar": "نصائح السفر حسب البلد",
    },
    "travel.overview.description": {
        "en": "The current advice level of every country, from level 1 (exercise normal "
        "precautions) to level 4 (do not travel).",
        "ko": "국가별 현재 여행경보 단계입니다. 1단계(일반적인 주의)부터 4단계(여행 금지)까지 "
        "있습니다.",
        "fr": "Le niveau de vigilance actuel de chaque pays, du niveau 1 (faire preuve des "
        "précautions habituelles) au niveau 4 (ne pas voyager).",
        "es": "El nivel de alerta vigente de cada país, del nivel 1 (tome las precauciones "
        "habituales) al nivel 4 (no viaje).",
        "zh": "各国当前的旅行提示等级，从1级（保持正常的安全防范意识）到4级（请勿前往）。",
        "ar": "مستوى التحذير الحالي لكل بلد، من المستوى 1 (اتخاذ الاحتياطات المعتادة) إلى "
        "المستوى 4 (تجنّب السفر).",
    },
    "travel.overview.summary": {
        "en": "Summary",
        "ko": "요약",
        "fr": "Résumé",
        "es": "Resumen",
        "zh": "摘要",
        "ar": "الملخص",
    },
    "travel.overview.data": {
        "en": "Data (JSON)",
        "ko": "데이터(JSON)",
        "fr": "Données (JSON)",
        "es": "Datos (JSON)",
        "zh": "数据（JSON）",
        "ar": "البيانات (JSON)",
    },
    "travel.overview.empty": {
        "en": "No travel advice is published at the moment.",
        "ko": "현재 게시된 여행경보가 없습니다.",
        "fr": "Aucun conseil aux voyageurs n'est publié pour le moment.",
        "es": "No hay recomendaciones de viaje publicadas en este momento.",
        "zh": "目前没有发布旅行提示。",
        "ar": "لا توجد نصائح سفر منشورة حاليًا.",
    },
    "travel.feed": {
        "en": "Follow updates (Atom feed)",
        "ko": "업데이트 구독(Atom 피드)",
        "fr": "Suivre les mises à jour (flux Atom)",
        "es": "Seguir las actualizaciones (canal Atom)",
        "zh": "订阅更新（Atom 源）",
        "ar": "متابعة التحديثات (موجز Atom)",
    },
    "travel.contacts": {
        "en": "Emergency contacts",
        "ko": "긴급 연락처",
        "fr": "Contacts d'urgence",
        "es": "Contactos de emergencia",
        "zh": "紧急联系方式",
        "ar": "جهات الاتصال في حالات الطوارئ",
    },
    "travel.history": {
        "en": "History of this advice",
        "ko": "여행경보 변경 이력",
        "fr": "Historique de ces conseils",
        "es": "Historial de estas recomendaciones",
        "zh": "本提示的变更记录",
        "ar": "سجل تعديلات هذه النصائح",
    },
    "travel.history.date": {
        "en": "Date",
        "ko": "일자",
        "fr": "Date",
        "es": "Fecha",
        "zh": "日期",
        "ar": "التاريخ",
    },
    "travel.history.note": {
        "en": "What changed",
        "ko": "변경 내용",
        "fr": "Modification",
        "es": "Cambio",
        "zh": "变更内容",
        "ar": "التعديل",
    },
    "travel.history.published": {
        "en": "First published",
        "ko": "최초 게시",
        "fr": "Première publication",
        "es": "Primera publicación",
        "zh": "首次发布",
        "ar": "النشر الأول",
    },
    "travel.history.level_changed": {
        "en": "level changed",
        "ko": "단계 변경",
        "fr": "changement de niveau",
        "es": "cambio de nivel",
        "zh": "等级调整",
        "ar": "تغيّر المستوى",
    },
    "consular.call_centre": {
        "en": "24-hour consular call centre",
        "ko": "24시간 영사콜센터",
        "fr": "Centre d'appels consulaire (24 h/24)",
        "es": "Centro de atención consular (24 horas)",
        "zh": "24小时领事服务热线",
        "ar": "مركز الاتصال القنصلي (على مدار 24 ساعة)",
    },
    "consular.contacts": {
        "en": "Emergency contacts of our embassies and consulates",
        "ko": "재외공관 긴급 연락처",
        "fr": "Contacts d'urgence de nos ambassades et consulats",
        "es": "Contactos de emergencia de nuestras embajadas y consulados",
        "zh": "我国驻外使领馆紧急联系方式",
        "ar": "أرقام الطوارئ لسفاراتنا وقنصلياتنا",
    },
    "consular.no_mission": {
        "en": "We have no embassy or consulate in this country.",
        "ko": "이 국가에는 우리 공관이 없습니다.",
        "fr": "Nous n'avons ni ambassade ni consulat dans ce pays.",
        "es": "No tenemos embajada ni consulado en este país.",
        "zh": "我国在该国未设使领馆。",
        "ar": "ليست لدينا سفارة أو قنصلية في هذا البلد.",
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
    # Signed statements (chancery/integrity): the verification page and the statement note.
    "verify.title": {
        "en": "Verifying our statements",
        "ko": "성명 진위 확인 방법",
        "fr": "Vérifier nos déclarations",
        "es": "Cómo verificar nuestras declaraciones",
        "zh": "如何核实我部声明",
        "ar": "التحقق من بياناتنا",
    },
    "verify.description": {
        "en": "How to check that a statement on this site is exactly what the ministry published.",
        "ko": "이 사이트의 성명이 외교부가 발표한 내용 그대로인지 확인하는 방법입니다.",
        "fr": "Comment s'assurer qu'une déclaration publiée sur ce site est exactement celle du "
        "ministère.",
        "es": "Cómo comprobar que una declaración de este sitio es exactamente la que publicó el "
        "Ministerio.",
        "zh": "如何核实本网站上的声明与外交部发布的原文完全一致。",
        "ar": "كيف تتحقق من أن البيان المنشور على هذا الموقع مطابق تمامًا لما نشرته الوزارة.",
    },
    "verify.intro": {
        "en": "Forged statements sometimes circulate in the ministry's name. Every file of this "
        "site, each statement included, is listed with its SHA-256 hash in a manifest that the "
        "ministry signs with its private key. Anyone can check that signature with the "
        "ministry's public key, and so show that a copy of a statement has not been altered.",
        "ko": "외교부 명의로 위조된 성명이 유포되는 경우가 있습니다. 이 사이트의 모든 파일은 "
        "성명을 포함하여 SHA-256 해시와 함께 매니페스트(파일 목록)에 기재되며, 외교부는 이 "
        "목록에 비공개 키로 서명합니다. 누구든지 외교부의 공개 키로 서명을 확인하여 성명의 "
        "사본이 변경되지 않았음을 입증할 수 있습니다.",
        "fr": "Il arrive que de fausses déclarations circulent au nom du ministère. Chaque "
        "fichier de ce site, y compris chaque déclaration, figure avec son empreinte SHA-256 "
        "dans un manifeste que le ministère signe avec sa clé privée. Chacun peut vérifier "
        "cette signature avec la clé publique du ministère et s'assurer ainsi qu'une copie de "
        "déclaration n'a pas été modifiée.",
        "es": "A veces circulan declaraciones falsas en nombre del Ministerio. Cada archivo de "
        "este sitio, incluidas todas las declaraciones, figura con su hash SHA-256 en un "
        "manifiesto que el Ministerio firma con su clave privada. Cualquier persona puede "
        "comprobar esa firma con la clave pública del Ministerio y demostrar así que una copia "
        "de una declaración no ha sido alterada.",
        "zh": "有时会有人假冒外交部名义散布伪造的声明。本网站的每一个文件（包括每一份声明）"
        "都连同其SHA-256哈希值列入一份清单，外交部用私钥对该清单进行签名。任何人都可以用"
        "外交部的公钥核验签名，从而证明声明的副本未经篡改。",
        "ar": "تنتشر أحيانًا بيانات مزوّرة باسم الوزارة. يُدرج كل ملف من ملفات هذا الموقع، بما "
        "في ذلك كل بيان، مع بصمته SHA-256 في قائمة ملفات توقّعها الوزارة بمفتاحها الخاص. "
        "ويمكن لأي شخص التحقق من هذا التوقيع بالمفتاح العام للوزارة، وإثبات أن نسخة البيان "
        "لم تُعدَّل.",
    },
    "verify.signed": {
        "en": "This copy of the site is signed. Fingerprint of the ministry's key:",
        "ko": "이 사이트 사본에는 서명이 되어 있습니다. 외교부 키의 지문:",
        "fr": "Cette copie du site est signée. Empreinte de la clé du ministère :",
        "es": "Esta copia del sitio está firmada. Huella de la clave del Ministerio:",
        "zh": "本网站的这一副本已签名。外交部密钥指纹：",
        "ar": "هذه النسخة من الموقع موقّعة. بصمة مفتاح الوزارة:",
    },
    "verify.unsigned": {
        "en": "This copy of the site is not signed: it is a preview or a local build, and its "
        "statements cannot be verified. The ministry's official site is always signed.",
        "ko": "이 사이트 사본에는 서명이 없습니다. 미리보기 또는 로컬 빌드이므로 성명의 진위를 "
        "확인할 수 없습니다. 외교부 공식 사이트에는 항상 서명이 되어 있습니다.",
        "fr": "Cette copie du site n'est pas signée : c'est un aperçu ou une version locale, et "
        "ses déclarations ne peuvent pas être vérifiées. Le site officiel du ministère est "
        "toujours signé.",
        "es": "Esta copia del sitio no está firmada: es una vista previa o una versión local, y "
        "sus declaraciones no pueden verificarse. El sitio oficial del Ministerio siempre está "
        "firmado.",
        "zh": "本网站的这一副本未经签名：它是预览版或本地构建版本，其中的声明无法核实。"
        "外交部官方网站始终经过签名。",
        "ar": "هذه النسخة من الموقع غير موقّعة: إنها معاينة أو نسخة محلية، ولا يمكن التحقق من "
        "بياناتها. الموقع الرسمي للوزارة موقّع دائمًا.",
    },
    "verify.compare": {
        "en": "Compare this fingerprint with the one the ministry publishes on its official "
        "accounts. If they differ, do not trust this copy.",
        "ko": "이 지문을 외교부가 공식 계정에 게시한 지문과 비교하십시오. 서로 다르다면 이 "
        "사본을 신뢰하지 마십시오.",
        "fr": "Comparez cette empreinte avec celle que le ministère publie sur ses comptes "
        "officiels. Si elles diffèrent, ne vous fiez pas à cette copie.",
        "es": "Compare esta huella con la que el Ministerio publica en sus cuentas oficiales. Si "
        "no coinciden, no confíe en esta copia.",
        "zh": "请将此指纹与外交部在其官方账号上公布的指纹进行比对。如不一致，请勿信任此副本。",
        "ar": "قارن هذه البصمة بالبصمة التي تنشرها الوزارة على حساباتها الرسمية. وإذا اختلفتا، "
        "فلا تثق بهذه النسخة.",
    },
    "verify.files": {
        "en": "Files for checking",
        "ko": "확인용 파일",
        "fr": "Fichiers de vérification",
        "es": "Archivos de verificación",
        "zh": "核验文件",
        "ar": "ملفات التحقق",
    },
    "verify.public_key": {
        "en": "The ministry's public key",
        "ko": "외교부 공개 키",
        "fr": "Clé publique du ministère",
        "es": "Clave pública del Ministerio",
        "zh": "外交部公钥",
        "ar": "المفتاح العام للوزارة",
    },
    "verify.manifest": {
        "en": "Manifest: every file with its SHA-256 hash",
        "ko": "매니페스트: 모든 파일과 SHA-256 해시",
        "fr": "Manifeste : chaque fichier et son empreinte SHA-256",
        "es": "Manifiesto: cada archivo con su hash SHA-256",
        "zh": "清单：所有文件及其SHA-256哈希值",
        "ar": "قائمة الملفات: كل ملف مع بصمته SHA-256",
    },
    "verify.signature": {
        "en": "Signature of the manifest (Ed25519)",
        "ko": "매니페스트 서명(Ed25519)",
        "fr": "Signature du manifeste (Ed25519)",
        "es": "Firma del manifiesto (Ed25519)",
        "zh": "清单签名（Ed25519）",
        "ar": "توقيع قائمة الملفات (Ed25519)",
    },
    "verify.how": {
        "en": "How to check",
        "ko": "확인 방법",
        "fr": "Comment vérifier",
        "es": "Cómo comprobarlo",
        "zh": "核验方法",
        "ar": "طريقة التحقق",
    },
    "verify.step_key": {
        "en": "Get the ministry's public key from a source you trust, such as its official "
        "accounts, and save it as ministry.pem.",
        "ko": "외교부 공식 계정 등 신뢰할 수 있는 출처에서 외교부 공개 키를 받아 ministry.pem "
        "파일로 저장합니다.",
        "fr": "Procurez-vous la clé publique du ministère auprès d'une source de confiance, par "
        "exemple ses comptes officiels, et enregistrez-la sous le nom ministry.pem.",
        "es": "Obtenga la clave pública del Ministerio de una fuente de confianza, como sus "
        "cuentas oficiales, y guárdela como ministry.pem.",
        "zh": "从可信来源（例如外交部官方账号）获取外交部公钥，并保存为 ministry.pem。",
        "ar": "احصل على المفتاح العام للوزارة من مصدر تثق به، مثل حساباتها الرسمية، واحفظه باسم "
        "ministry.pem.",
    },
    "verify.step_run": {
        "en": "Run the Chancery verification tool on this site, or on a saved copy of it. It "
        "checks the signature and every file, and names any file that was changed, removed or "
        "added:",
        "ko": "이 사이트 또는 저장한 사본을 대상으로 Chancery 확인 도구를 실행합니다. 도구는 "
        "서명과 모든 파일을 확인하고, 변경·삭제·추가된 파일이 있으면 그 이름을 알려 줍니다:",
        "fr": "Lancez l'outil de vérification de Chancery sur ce site, ou sur une copie "
        "enregistrée. Il contrôle la signature et chaque fichier, et nomme tout fichier "
        "modifié, supprimé ou ajouté :",
        "es": "Ejecute la herramienta de verificación de Chancery sobre este sitio o sobre una "
        "copia guardada. Comprueba la firma y cada archivo, e indica cualquier archivo "
        "modificado, eliminado o añadido:",
        "zh": "对本网站或其保存的副本运行 Chancery 核验工具。它会检查签名和每一个文件，"
        "并列出任何被修改、删除或添加的文件：",
        "ar": "شغّل أداة التحقق في Chancery على هذا الموقع أو على نسخة محفوظة منه. تتحقق الأداة "
        "من التوقيع ومن كل ملف، وتسمّي أي ملف عُدِّل أو حُذف أو أُضيف:",
    },
    "verify.step_page": {
        "en": "To check one page by hand, compute the SHA-256 hash of its file (for example "
        "with sha256sum) and find that hash in the manifest.",
        "ko": "한 페이지만 직접 확인하려면 해당 파일의 SHA-256 해시를 계산한 뒤(예: sha256sum "
        "사용) 매니페스트에서 같은 해시를 찾으십시오.",
        "fr": "Pour vérifier une seule page à la main, calculez l'empreinte SHA-256 de son "
        "fichier (par exemple avec sha256sum) et retrouvez-la dans le manifeste.",
        "es": "Para comprobar una sola página a mano, calcule el hash SHA-256 de su archivo (por "
        "ejemplo, con sha256sum) y busque ese hash en el manifiesto.",
        "zh": "如需手动核验单个页面，请计算其文件的SHA-256哈希值（例如使用 sha256sum），"
        "并在清单中查找该哈希值。",
        "ar": "للتحقق من صفحة واحدة يدويًا، احسب بصمة SHA-256 لملفها (مثلًا باستخدام sha256sum) "
        "وابحث عنها في قائمة الملفات.",
    },
    "verify.aside_title": {
        "en": "Is this statement authentic?",
        "ko": "이 성명은 진본입니까?",
        "fr": "Cette déclaration est-elle authentique ?",
        "es": "¿Es auténtica esta declaración?",
        "zh": "此声明是否真实？",
        "ar": "هل هذا البيان أصلي؟",
    },
    "verify.aside_signed": {
        "en": "The ministry signs every statement it publishes on this site.",
        "ko": "외교부는 이 사이트에 게시하는 모든 성명에 서명합니다.",
        "fr": "Le ministère signe chaque déclaration qu'il publie sur ce site.",
        "es": "El Ministerio firma cada declaración que publica en este sitio.",
        "zh": "外交部对其在本网站发布的每一份声明均进行签名。",
        "ar": "توقّع الوزارة كل بيان تنشره على هذا الموقع.",
    },
    "verify.aside_unsigned": {
        "en": "This copy of the site is not signed, so this statement cannot be verified here.",
        "ko": "이 사이트 사본에는 서명이 없어 여기에서는 이 성명의 진위를 확인할 수 없습니다.",
        "fr": "Cette copie du site n'est pas signée : cette déclaration ne peut pas y être "
        "vérifiée.",
        "es": "Esta copia del sitio no está firmada, por lo que aquí no se puede verificar esta "
        "declaración.",
        "zh": "本网站的这一副本未经签名，因此无法在此核实该声明。",
        "ar": "هذه النسخة من الموقع غير موقّعة، لذا لا يمكن التحقق من هذا البيان هنا.",
    },
    "verify.link": {
        "en": "How to verify it",
        "ko": "진위 확인 방법",
        "fr": "Comment la vérifier",
        "es": "Cómo verificarla",
        "zh": "如何核实",
        "ar": "كيف تتحقق منه",
    },
    # The language service dashboard (chancery/dashboard). It is built in the domestic and the
    # root language; the other languages are here so that any site can choose its own two.
    # {domestic}: the domestic language's name in the reader's language.
    "dashboard.title": {
        "en": "Language service dashboard",
        "ko": "언어 서비스 현황",
        "fr": "Tableau de bord des services linguistiques",
        "es": "Panel de servicios lingüísticos",
        "zh": "语言服务仪表板",
        "ar": "لوحة متابعة الخدمات اللغوية",
    },
    "dashboard.intro": {
        "en": "How deep, how frequent and how current each language of the portal is, measured "
        "from its published content alone. No reader is tracked. This internal page is not "
        "indexed by search engines.",
        "ko": "포털의 각 언어가 얼마나 풍부하고, 얼마나 자주, 얼마나 최신으로 발행되는지를 "
        "게시된 콘텐츠만으로 측정합니다. 독자는 추적하지 않습니다. 이 내부 페이지는 검색 엔진에 "
        "색인되지 않습니다.",
        "fr": "Profondeur, rythme et fraîcheur de chaque langue du portail, mesurés à partir de "
        "son seul contenu publié. Aucun lecteur n'est suivi. Cette page interne n'est pas "
        "indexée par les moteurs de recherche.",
        "es": "Profundidad, ritmo y actualidad de cada idioma del portal, medidos solo a partir "
        "de su contenido publicado. No se rastrea a ningún lector. Esta página interna no está "
        "indexada por los motores de búsqueda.",
        "zh": "仅根据门户网站已发布的内容，衡量各语言版本的内容深度、发布频率和更新程度。不追踪任"
        "何读者。本内部页面不被搜索引擎收录。",
        "ar": "عمق كل لغة من لغات البوابة ووتيرة النشر بها ومدى حداثتها، مقيسةً من محتواها "
        "المنشور وحده. لا يُتتبَّع أي قارئ. هذه الصفحة الداخلية لا تفهرسها محركات البحث.",
    },
    "dashboard.window": {
        "en": "Cadence counts new items over the 12 months from {start} to {end}; ratios compare "
        "each foreign language with the domestic language, {domestic}.",
        "ko": "발행 빈도는 {start}부터 {end}까지 12개월 동안의 새 항목 수입니다. 비율은 각 "
        "외국어를 국내 언어인 {domestic} 기준으로 비교한 값입니다.",
        "fr": "Le rythme compte les nouveaux contenus sur les 12 mois de {start} à {end} ; les "
        "ratios comparent chaque langue étrangère à la langue nationale ({domestic}).",
        "es": "El ritmo cuenta los contenidos nuevos de los 12 meses entre {start} y {end}; los "
        "cocientes comparan cada idioma extranjero con el idioma nacional ({domestic}).",
        "zh": "发布频率统计{start}至{end}这12个月内的新内容；各比率将每种外语与本国语言（{domesti"
        "c}）进行比较。",
        "ar": "تحسب وتيرة النشر المحتوى الجديد خلال الأشهر الاثني عشر من {start} إلى {end}؛ "
        "وتقارن النسب كل لغة أجنبية باللغة الوطنية ({domestic}).",
    },
    "dashboard.targets": {
        "en": "Targets",
        "ko": "목표",
        "fr": "Objectifs",
        "es": "Objetivos",
        "zh": "目标",
        "ar": "الأهداف",
    },
    "dashboard.targets_none": {
        "en": "No targets are set (mkdocs.yml: plugins: chancery/dashboard: metrics_targets).",
        "ko": "설정된 목표가 없습니다(mkdocs.yml: plugins: chancery/dashboard: metrics_targets).",
        "fr": "Aucun objectif n'est défini (mkdocs.yml : plugins: chancery/dashboard: "
        "metrics_targets).",
        "es": "No hay objetivos definidos (mkdocs.yml: plugins: chancery/dashboard: "
        "metrics_targets).",
        "zh": "尚未设定目标（mkdocs.yml：plugins: chancery/dashboard: metrics_targets）。",
        "ar": "لم تُحدَّد أهداف (mkdocs.yml: plugins: chancery/dashboard: metrics_targets).",
    },
    "dashboard.targets_summary": {
        "en": "Targets missed: {missed} of {total}.",
        "ko": "미달 목표: {total}개 중 {missed}개.",
        "fr": "Objectifs manqués : {missed} sur {total}.",
        "es": "Objetivos no alcanzados: {missed} de {total}.",
        "zh": "未达成目标：{total}项中的{missed}项。",
        "ar": "الأهداف غير المتحققة: {missed} من أصل {total}.",
    },
    "dashboard.verdict.met": {
        "en": "Met",
        "ko": "달성",
        "fr": "Atteint",
        "es": "Alcanzado",
        "zh": "已达成",
        "ar": "متحقق",
    },
    "dashboard.verdict.missed": {
        "en": "Missed",
        "ko": "미달",
        "fr": "Manqué",
        "es": "No alcanzado",
        "zh": "未达成",
        "ar": "غير متحقق",
    },
    "dashboard.verdict.unmeasured": {
        "en": "Not measurable",
        "ko": "측정 불가",
        "fr": "Non mesurable",
        "es": "No medible",
        "zh": "无法衡量",
        "ar": "غير قابل للقياس",
    },
    "dashboard.metric.depth": {
        "en": "Depth ratio",
        "ko": "깊이 비율",
        "fr": "Ratio de profondeur",
        "es": "Cociente de profundidad",
        "zh": "深度比",
        "ar": "نسبة العمق",
    },
    "dashboard.metric.cadence": {
        "en": "Cadence ratio",
        "ko": "발행 빈도 비율",
        "fr": "Ratio de rythme",
        "es": "Cociente de ritmo",
        "zh": "频率比",
        "ar": "نسبة الوتيرة",
    },
    "dashboard.metric.coverage": {
        "en": "Coverage",
        "ko": "번역 보유율",
        "fr": "Couverture",
        "es": "Cobertura",
        "zh": "覆盖率",
        "ar": "التغطية",
    },
    "dashboard.metric.lag_days": {
        "en": "Median translation lag (days)",
        "ko": "번역 지연 중앙값(일)",
        "fr": "Délai médian de traduction (jours)",
        "es": "Retraso mediano de traducción (días)",
        "zh": "翻译滞后中位数（天）",
        "ar": "الوسيط لتأخر الترجمة (بالأيام)",
    },
    "dashboard.col.language": {
        "en": "Language",
        "ko": "언어",
        "fr": "Langue",
        "es": "Idioma",
        "zh": "语言",
        "ar": "اللغة",
    },
    "dashboard.col.measure": {
        "en": "Measure",
        "ko": "지표",
        "fr": "Indicateur",
        "es": "Indicador",
        "zh": "指标",
        "ar": "المؤشر",
    },
    "dashboard.col.target": {
        "en": "Target",
        "ko": "목표",
        "fr": "Objectif",
        "es": "Objetivo",
        "zh": "目标值",
        "ar": "الهدف",
    },
    "dashboard.col.value": {
        "en": "Measured",
        "ko": "측정값",
        "fr": "Valeur mesurée",
        "es": "Valor medido",
        "zh": "实测值",
        "ar": "القيمة المقيسة",
    },
    "dashboard.col.verdict": {
        "en": "Verdict",
        "ko": "판정",
        "fr": "Résultat",
        "es": "Resultado",
        "zh": "结果",
        "ar": "النتيجة",
    },
    "dashboard.col.pages": {
        "en": "Pages",
        "ko": "페이지",
        "fr": "Pages",
        "es": "Páginas",
        "zh": "页面数",
        "ar": "الصفحات",
    },
    "dashboard.col.words": {
        "en": "Words",
        "ko": "단어",
        "fr": "Mots",
        "es": "Palabras",
        "zh": "字词数",
        "ar": "الكلمات",
    },
    "dashboard.col.density": {
        "en": "Words per {domestic} word",
        "ko": "{domestic} 1단어당 단어 수",
        "fr": "Mots par mot de la langue nationale",
        "es": "Palabras por palabra del idioma nacional",
        "zh": "每个{domestic}词对应的字词数",
        "ar": "الكلمات مقابل كل كلمة باللغة الوطنية",
    },
    "dashboard.col.new_items": {
        "en": "New items (12 months)",
        "ko": "새 항목(12개월)",
        "fr": "Nouveaux contenus (12 mois)",
        "es": "Contenidos nuevos (12 meses)",
        "zh": "新内容（12个月）",
        "ar": "المحتوى الجديد (12 شهرًا)",
    },
    "dashboard.col.median_age": {
        "en": "Median age (days)",
        "ko": "경과일 중앙값",
        "fr": "Âge médian (jours)",
        "es": "Antigüedad mediana (días)",
        "zh": "中位页龄（天）",
        "ar": "العمر الوسيط (بالأيام)",
    },
    "dashboard.col.missing": {
        "en": "Missing",
        "ko": "누락",
        "fr": "Manquantes",
        "es": "Faltantes",
        "zh": "缺失",
        "ar": "مفقودة",
    },
    "dashboard.col.stale": {
        "en": "Out of date",
        "ko": "구버전",
        "fr": "Obsolètes",
        "es": "Desactualizadas",
        "zh": "已过时",
        "ar": "قديمة",
    },
    "dashboard.col.type": {
        "en": "Content type",
        "ko": "콘텐츠 유형",
        "fr": "Type de contenu",
        "es": "Tipo de contenido",
        "zh": "内容类型",
        "ar": "نوع المحتوى",
    },
    "dashboard.col.audience": {
        "en": "Audience",
        "ko": "대상 독자",
        "fr": "Public",
        "es": "Público",
        "zh": "受众",
        "ar": "الجمهور",
    },
    "dashboard.domestic": {
        "en": "domestic language (yardstick)",
        "ko": "국내 언어(기준)",
        "fr": "langue nationale (référence)",
        "es": "idioma nacional (referencia)",
        "zh": "本国语言（基准）",
        "ar": "اللغة الوطنية (المرجع)",
    },
    "dashboard.density.measured": {
        "en": "{value} (measured on {pairs} translations)",
        "ko": "{value}(번역 {pairs}건으로 측정)",
        "fr": "{value} (mesurée sur {pairs} traductions)",
        "es": "{value} (medida en {pairs} traducciones)",
        "zh": "{value}（基于{pairs}篇译文测得）",
        "ar": "{value} (مقيسة على {pairs} ترجمة)",
    },
    "dashboard.density.configured": {
        "en": "{value} (set in the configuration)",
        "ko": "{value}(설정값)",
        "fr": "{value} (fixée dans la configuration)",
        "es": "{value} (fijada en la configuración)",
        "zh": "{value}（配置设定）",
        "ar": "{value} (محددة في الإعدادات)",
    },
    "dashboard.density.assumed": {
        "en": "{value} (assumed: too few translations to measure it)",
        "ko": "{value}(추정: 측정할 번역이 부족함)",
        "fr": "{value} (supposée : trop peu de traductions pour la mesurer)",
        "es": "{value} (supuesta: muy pocas traducciones para medirla)",
        "zh": "{value}（假定值：译文太少，无法测算）",
        "ar": "{value} (مفترضة: الترجمات أقل من أن تُقاس بها)",
    },
    "dashboard.heading.overview": {
        "en": "Languages at a glance",
        "ko": "언어별 개요",
        "fr": "Vue d'ensemble par langue",
        "es": "Resumen por idioma",
        "zh": "各语言概览",
        "ar": "نظرة عامة على اللغات",
    },
    "dashboard.heading.depth": {
        "en": "Depth ratios",
        "ko": "깊이 비율",
        "fr": "Ratios de profondeur",
        "es": "Cocientes de profundidad",
        "zh": "深度比",
        "ar": "نسب العمق",
    },
    "dashboard.heading.cadence": {
        "en": "New items per month",
        "ko": "월별 새 항목",
        "fr": "Nouveaux contenus par mois",
        "es": "Contenidos nuevos por mes",
        "zh": "每月新内容",
        "ar": "المحتوى الجديد شهريًا",
    },
    "dashboard.heading.lag": {
        "en": "Translation lag",
        "ko": "번역 지연",
        "fr": "Délai de traduction",
        "es": "Retraso de traducción",
        "zh": "翻译滞后",
        "ar": "تأخر الترجمة",
    },
    "dashboard.heading.by_type": {
        "en": "By content type",
        "ko": "콘텐츠 유형별",
        "fr": "Par type de contenu",
        "es": "Por tipo de contenido",
        "zh": "按内容类型",
        "ar": "حسب نوع المحتوى",
    },
    "dashboard.heading.by_audience": {
        "en": "By audience",
        "ko": "대상 독자별",
        "fr": "Par public",
        "es": "Por público",
        "zh": "按受众",
        "ar": "حسب الجمهور",
    },
    "dashboard.heading.definitions": {
        "en": "How the figures are measured",
        "ko": "측정 방법",
        "fr": "Comment les chiffres sont mesurés",
        "es": "Cómo se miden las cifras",
        "zh": "指标的计算方法",
        "ar": "كيف تُقاس الأرقام",
    },
    "dashboard.chart.depth": {
        "en": "Horizontal bars, one per foreign language: its words converted to {domestic} "
        "words and divided by the words in {domestic}. The dashed line at 1 is the depth of "
        "{domestic}; red marks are targets. The table below gives the figures.",
        "ko": "외국어마다 가로 막대 하나: 해당 언어의 단어 수를 {domestic} 단어 수로 환산해 "
        "{domestic} 전체 단어 수로 나눈 값입니다. 1의 점선은 {domestic}의 깊이이며, 빨간 표시는 "
        "목표입니다. 수치는 아래 표에 있습니다.",
        "fr": "Une barre horizontale par langue étrangère : ses mots convertis en mots de la "
        "langue nationale ({domestic}), divisés par les mots de celle-ci. La ligne pointillée à "
        "1 correspond à la langue nationale ; les repères rouges sont les objectifs. Le tableau "
        "ci-dessous donne les chiffres.",
        "es": "Una barra horizontal por idioma extranjero: sus palabras convertidas a palabras "
        "del idioma nacional ({domestic}) y divididas entre las palabras de este. La línea "
        "discontinua en 1 corresponde al idioma nacional; las marcas rojas son los objetivos. La "
        "tabla siguiente da las cifras.",
        "zh": "每种外语一条横向条形：该语言的字词数换算为{domestic}字词数后，除以{domestic}的字词"
        "总数。位于1的虚线代表{domestic}的深度，红色标记为目标值。具体数字见下表。",
        "ar": "شريط أفقي لكل لغة أجنبية: كلماتها محوَّلةً إلى كلمات باللغة الوطنية ({domestic}) "
        "ومقسومةً على عدد كلمات هذه اللغة. يمثل الخط المتقطع عند 1 عمق اللغة الوطنية، وتشير "
        "العلامات الحمراء إلى الأهداف. يعرض الجدول أدناه الأرقام.",
    },
    "dashboard.chart.cadence": {
        "en": "One row of bars per language, one bar per month over the last 12 months, all on "
        "the same scale; the number above a bar is its count. The table below gives the figures.",
        "ko": "언어마다 한 줄, 최근 12개월의 달마다 막대 하나씩이며 모두 같은 축척입니다. 막대 "
        "위 숫자는 항목 수입니다. 수치는 아래 표에 있습니다.",
        "fr": "Une ligne de barres par langue, une barre par mois sur les 12 derniers mois, "
        "toutes à la même échelle ; le nombre au-dessus d'une barre est son total. Le tableau "
        "ci-dessous donne les chiffres.",
        "es": "Una fila de barras por idioma, una barra por mes en los últimos 12 meses, todas a "
        "la misma escala; el número sobre cada barra es su total. La tabla siguiente da las "
        "cifras.",
        "zh": "每种语言一行条形，最近12个月每月一条，比例尺相同；条形上方的数字为数量。具体数字见"
        "下表。",
        "ar": "صف من الأشرطة لكل لغة، وشريط لكل شهر من الأشهر الاثني عشر الأخيرة، وكلها بالمقياس "
        "نفسه؛ والرقم فوق الشريط هو العدد. يعرض الجدول أدناه الأرقام.",
    },
    "dashboard.chart.lag": {
        "en": "Two bars per language: the median number of days translations took to catch up "
        "with their source, and the median number of days out-of-date translations have been "
        "waiting. The table below gives the figures.",
        "ko": "언어마다 막대 두 개: 번역이 원문을 따라잡기까지 걸린 일수의 중앙값과, 구버전 "
        "번역이 기다리고 있는 일수의 중앙값입니다. 수치는 아래 표에 있습니다.",
        "fr": "Deux barres par langue : le nombre médian de jours qu'il a fallu aux traductions "
        "pour rattraper leur source, et le nombre médian de jours d'attente des traductions "
        "obsolètes. Le tableau ci-dessous donne les chiffres.",
        "es": "Dos barras por idioma: la mediana de días que tardaron las traducciones en "
        "ponerse al día con su original y la mediana de días que llevan esperando las "
        "traducciones desactualizadas. La tabla siguiente da las cifras.",
        "zh": "每种语言两条：译文赶上原文所用天数的中位数，以及过时译文已等待天数的中位数。具体数"
        "字见下表。",
        "ar": "شريطان لكل لغة: الوسيط لعدد الأيام التي استغرقتها الترجمات لتلحق بأصلها، والوسيط "
        "لعدد الأيام التي تنتظرها الترجمات القديمة. يعرض الجدول أدناه الأرقام.",
    },
    "dashboard.lag.caught_up": {
        "en": "Days to catch up (median)",
        "ko": "따라잡기까지 일수(중앙값)",
        "fr": "Jours pour rattraper (médiane)",
        "es": "Días para ponerse al día (mediana)",
        "zh": "赶上原文所需天数（中位数）",
        "ar": "أيام اللحاق بالأصل (الوسيط)",
    },
    "dashboard.lag.waiting": {
        "en": "Days waiting, out of date (median)",
        "ko": "구버전 대기 일수(중앙값)",
        "fr": "Jours d'attente, obsolètes (médiane)",
        "es": "Días de espera, desactualizadas (mediana)",
        "zh": "过时译文等待天数（中位数）",
        "ar": "أيام الانتظار للترجمات القديمة (الوسيط)",
    },
    "dashboard.lag.measured": {
        "en": "Translations measured",
        "ko": "측정된 번역",
        "fr": "Traductions mesurées",
        "es": "Traducciones medidas",
        "zh": "已测译文",
        "ar": "الترجمات المقيسة",
    },
    "dashboard.lag.longest": {
        "en": "Longest (days)",
        "ko": "최장(일)",
        "fr": "Maximum (jours)",
        "es": "Máximo (días)",
        "zh": "最长（天）",
        "ar": "الأطول (بالأيام)",
    },
    "dashboard.lag.unmeasured": {
        "en": "Catch-up day unknown",
        "ko": "반영 시점 불명",
        "fr": "Date de mise à jour inconnue",
        "es": "Fecha de actualización desconocida",
        "zh": "更新日期不详",
        "ar": "تاريخ اللحاق غير معروف",
    },
    "dashboard.lag.longest_wait": {
        "en": "Longest wait (days)",
        "ko": "최장 대기(일)",
        "fr": "Attente maximale (jours)",
        "es": "Espera máxima (días)",
        "zh": "最长等待（天）",
        "ar": "أطول انتظار (بالأيام)",
    },
    "dashboard.type.page": {
        "en": "Pages",
        "ko": "일반 페이지",
        "fr": "Pages",
        "es": "Páginas",
        "zh": "页面",
        "ar": "صفحات",
    },
    "dashboard.type.news": {
        "en": "News",
        "ko": "뉴스",
        "fr": "Actualités",
        "es": "Noticias",
        "zh": "新闻",
        "ar": "الأخبار",
    },
    "dashboard.type.statement": {
        "en": "Statements",
        "ko": "성명",
        "fr": "Déclarations",
        "es": "Declaraciones",
        "zh": "声明",
        "ar": "البيانات",
    },
    "dashboard.type.travel-advice": {
        "en": "Travel advice",
        "ko": "해외안전여행",
        "fr": "Conseils aux voyageurs",
        "es": "Recomendaciones de viaje",
        "zh": "旅行提示",
        "ar": "نصائح السفر",
    },
    "dashboard.type.consular-service": {
        "en": "Consular services",
        "ko": "영사 서비스",
        "fr": "Services consulaires",
        "es": "Servicios consulares",
        "zh": "领事服务",
        "ar": "الخدمات القنصلية",
    },
    "dashboard.type.campaign": {
        "en": "Campaigns",
        "ko": "캠페인",
        "fr": "Campagnes",
        "es": "Campañas",
        "zh": "宣传活动",
        "ar": "الحملات",
    },
    "dashboard.type.fact-check": {
        "en": "Fact checks",
        "ko": "팩트체크",
        "fr": "Vérifications des faits",
        "es": "Verificaciones de datos",
        "zh": "事实核查",
        "ar": "تدقيق الحقائق",
    },
    "dashboard.type.event": {
        "en": "Events",
        "ko": "행사",
        "fr": "Événements",
        "es": "Eventos",
        "zh": "活动",
        "ar": "الفعاليات",
    },
    "dashboard.type.mission": {
        "en": "Missions",
        "ko": "재외공관",
        "fr": "Ambassades et consulats",
        "es": "Embajadas y consulados",
        "zh": "驻外使领馆",
        "ar": "البعثات",
    },
    "dashboard.define.words": {
        "en": "Counted as readers of each script count them: a Chinese or Japanese character is "
        "a word; Korean, Arabic and Latin-script words run between spaces; vowel signs and other "
        "combining marks never split a word.",
        "ko": "각 문자 체계의 관례대로 셉니다. 중국어·일본어는 글자 하나가 한 단어이고, "
        "한국어·아랍어·라틴 문자는 띄어쓰기 단위로 셉니다. 모음 부호 등 결합 문자는 단어를 "
        "나누지 않습니다.",
        "fr": "Comptés comme les lecteurs de chaque écriture les comptent : un caractère chinois "
        "ou japonais est un mot ; en coréen, en arabe et dans les écritures latines, les mots "
        "sont séparés par des espaces ; les voyelles et autres signes diacritiques ne coupent "
        "jamais un mot.",
        "es": "Se cuentan como los cuentan los lectores de cada escritura: un carácter chino o "
        "japonés es una palabra; en coreano, árabe y las escrituras latinas, las palabras van "
        "entre espacios; los signos vocálicos y demás diacríticos nunca dividen una palabra.",
        "zh": "按各文字的习惯计数：中文、日文每个字计为一个词；韩文、阿拉伯文和拉丁字母文字以空格"
        "分词；元音符号等组合字符不会拆分词语。",
        "ar": "تُعدّ كما يعدّها قرّاء كل نظام كتابة: الحرف الصيني أو الياباني كلمة واحدة؛ "
        "والكلمات في الكورية والعربية واللغات المكتوبة بالحروف اللاتينية تفصل بينها المسافات؛ "
        "ولا تقسم الحركات وغيرها من العلامات المركّبة الكلمة أبدًا.",
    },
    "dashboard.define.depth": {
        "en": "A language's words, converted to {domestic} words, divided by the words in "
        "{domestic}. The conversion uses the language's density (its words per {domestic} word), "
        "measured on the current translations between the two languages unless the configuration "
        "sets it.",
        "ko": "해당 언어의 단어 수를 {domestic} 단어 수로 환산해 {domestic}의 단어 수로 나눈 "
        "값입니다. 환산에는 그 언어의 밀도({domestic} 1단어당 단어 수)를 쓰며, 설정에 값이 "
        "없으면 두 언어 간 최신 번역으로 측정합니다.",
        "fr": "Les mots d'une langue, convertis en mots de la langue nationale ({domestic}), "
        "divisés par les mots de celle-ci. La conversion utilise la densité de la langue (ses "
        "mots par mot de la langue nationale), mesurée sur les traductions à jour entre les deux "
        "langues, sauf si la configuration la fixe.",
        "es": "Las palabras de un idioma, convertidas a palabras del idioma nacional "
        "({domestic}) y divididas entre las palabras de este. La conversión usa la densidad del "
        "idioma (sus palabras por palabra del idioma nacional), medida en las traducciones al "
        "día entre ambos idiomas, salvo que la configuración la fije.",
        "zh": "某语言的字词数换算为{domestic}字词数后，除以{domestic}的字词总数。换算使用该语言的"
        "密度（每个{domestic}词对应的字词数）；除非配置中另行设定，密度根据两种语言之间的最新译文"
        "测得。",
        "ar": "عدد كلمات اللغة بعد تحويلها إلى كلمات باللغة الوطنية ({domestic})، مقسومًا على "
        "عدد كلمات هذه اللغة. يستخدم التحويل كثافة اللغة (عدد كلماتها مقابل كل كلمة باللغة "
        "الوطنية)، وتُقاس على الترجمات المحدّثة بين اللغتين ما لم تحددها الإعدادات.",
    },
    "dashboard.define.cadence": {
        "en": "A language's new items over the last 12 months divided by those in {domestic}. An "
        "item counts in the month of its publication date; pages without a date (missions, "
        "services) are not counted.",
        "ko": "최근 12개월 동안 해당 언어의 새 항목 수를 {domestic}의 새 항목 수로 나눈 "
        "값입니다. 항목은 게시일이 속한 달에 셉니다. 날짜가 없는 페이지(공관, 서비스 안내)는 "
        "세지 않습니다.",
        "fr": "Les nouveaux contenus d'une langue sur les 12 derniers mois, divisés par ceux de "
        "la langue nationale ({domestic}). Un contenu compte pour le mois de sa date de "
        "publication ; les pages sans date (missions, services) ne comptent pas.",
        "es": "Los contenidos nuevos de un idioma en los últimos 12 meses, divididos entre los "
        "del idioma nacional ({domestic}). Un contenido cuenta en el mes de su fecha de "
        "publicación; las páginas sin fecha (misiones, servicios) no cuentan.",
        "zh": "某语言最近12个月的新内容数除以{domestic}的新内容数。内容按发布日期所在月份计数；无"
        "日期的页面（使领馆、服务）不计入。",
        "ar": "عدد المحتوى الجديد بلغة ما خلال الأشهر الاثني عشر الأخيرة مقسومًا على عدده باللغة "
        "الوطنية ({domestic}). يُحتسب كل محتوى في شهر تاريخ نشره، ولا تُحتسب الصفحات غير المؤرخة "
        "(البعثات والخدمات).",
    },
    "dashboard.define.lag": {
        "en": "For a current translation, the days from its source's last update (updated, else "
        "date) to the translation's own last update. A translation that keeps its original's "
        "date came out with it. When the translation's last recorded change is older than its "
        "source's, the day it caught up is unknown: set updated on a translation when it catches "
        "up. Out-of-date translations are counted apart, with the days they have been waiting.",
        "ko": "최신 번역의 경우, 원문이 마지막으로 수정된 날(updated, 없으면 date)부터 번역이 "
        "마지막으로 수정된 날까지의 일수입니다. 원문의 게시일을 그대로 쓰는 번역은 원문과 함께 "
        "나온 것으로 봅니다. 번역의 마지막 수정일이 원문보다 이르면 반영 시점을 알 수 없으므로, "
        "번역을 원문에 맞춘 날 updated를 적어 주십시오. 구버전 번역은 대기 일수와 함께 따로 "
        "셉니다.",
        "fr": "Pour une traduction à jour, les jours entre la dernière mise à jour de sa source "
        "(updated, sinon date) et la dernière mise à jour de la traduction. Une traduction qui "
        "garde la date de son original est parue avec lui. Si la dernière modification "
        "enregistrée de la traduction est antérieure à celle de sa source, la date de mise à "
        "jour est inconnue : indiquez updated sur une traduction quand elle rattrape sa source. "
        "Les traductions obsolètes sont comptées à part, avec leurs jours d'attente.",
        "es": "Para una traducción al día, los días entre la última actualización de su original "
        "(updated, o si no date) y la última actualización de la traducción. Una traducción que "
        "conserva la fecha de su original se publicó con él. Si el último cambio registrado de "
        "la traducción es anterior al de su original, se desconoce cuándo se puso al día: "
        "indique updated en la traducción cuando se ponga al día. Las traducciones "
        "desactualizadas se cuentan aparte, con sus días de espera.",
        "zh": "对于最新译文，指从原文最后更新日（updated，若无则为 date）到译文自身最后更新日的天"
        "数。沿用原文发布日期的译文视为与原文同时发布。若译文最后记录的修改早于原文，则无法得知其"
        "何时赶上原文：译文更新后请填写 updated。过时译文另行统计，并注明已等待的天数。",
        "ar": "للترجمة المحدّثة، عدد الأيام من آخر تحديث لأصلها (updated، وإلا فـ date) إلى آخر "
        "تحديث للترجمة نفسها. الترجمة التي تحتفظ بتاريخ أصلها صدرت معه. وإذا كان آخر تعديل مسجل "
        "للترجمة أقدم من تعديل أصلها، فتاريخ لحاقها به غير معروف: أضيفوا updated إلى الترجمة عند "
        "تحديثها. وتُحتسب الترجمات القديمة على حدة مع عدد أيام انتظارها.",
    },
    "dashboard.define.coverage": {
        "en": "The share of the pages a language should have (under the translation policy) that "
        "it has, current or out of date. Missing and out-of-date counts come from the same "
        "translation report as chancery status.",
        "ko": "번역 정책상 해당 언어에 있어야 할 페이지 가운데 실제로 있는 페이지(최신 또는 "
        "구버전)의 비율입니다. 누락·구버전 수는 chancery status와 같은 번역 보고서에서 "
        "가져옵니다.",
        "fr": "La part des pages qu'une langue devrait avoir (selon la politique de traduction) "
        "et qu'elle a, à jour ou obsolètes. Les nombres de pages manquantes et obsolètes "
        "viennent du même rapport de traduction que chancery status.",
        "es": "La proporción de las páginas que un idioma debería tener (según la política de "
        "traducción) y que tiene, al día o desactualizadas. Las cifras de páginas faltantes y "
        "desactualizadas proceden del mismo informe de traducción que chancery status.",
        "zh": "按翻译政策某语言应有的页面中，实际已有页面（最新或过时）所占的比例。缺失和过时的数"
        "量与 chancery status 使用同一份翻译报告。",
        "ar": "نسبة الصفحات الموجودة فعلًا (محدّثة أو قديمة) من الصفحات التي ينبغي أن تتوفر بلغة "
        "ما وفق سياسة الترجمة. وتأتي أعداد الصفحات المفقودة والقديمة من تقرير الترجمة نفسه الذي "
        "يستخدمه chancery status.",
    },
    "dashboard.define.age": {
        "en": "The median number of days since pages last changed (updated, else date); pages "
        "without a date are left out.",
        "ko": "페이지가 마지막으로 바뀐 날(updated, 없으면 date)부터 지난 일수의 중앙값입니다. "
        "날짜가 없는 페이지는 제외합니다.",
        "fr": "Le nombre médian de jours depuis la dernière modification des pages (updated, "
        "sinon date) ; les pages sans date sont exclues.",
        "es": "La mediana de días desde el último cambio de las páginas (updated, o si no date); "
        "se excluyen las páginas sin fecha.",
        "zh": "页面自最后修改（updated，若无则为 date）以来天数的中位数；无日期的页面不计入。",
        "ar": "الوسيط لعدد الأيام منذ آخر تغيير للصفحات (updated، وإلا فـ date)؛ وتُستبعد "
        "الصفحات غير المؤرخة.",
    },
    # The 404 page of each language and the search form (chancery/headers, chancery/search).
    "notfound.title": {
        "en": "Page not found",
        "ko": "페이지를 찾을 수 없습니다",
        "fr": "Page introuvable",
        "es": "Página no encontrada",
        "zh": "找不到页面",
        "ar": "الصفحة غير موجودة",
    },
    "notfound.text": {
        "en": "There is no page at this address. It may have moved, or the address may be "
        "mistyped.",
        "ko": "이 주소에는 페이지가 없습니다. 페이지가 옮겨졌거나 주소가 잘못 입력되었을 수 "
        "있습니다.",
        "fr": "Il n'y a pas de page à cette adresse. Elle a peut-être été déplacée, ou "
        "l'adresse est mal saisie.",
        "es": "No hay ninguna página en esta dirección. Puede que se haya movido o que la "
        "dirección esté mal escrita.",
        "zh": "此地址没有页面。页面可能已移动，或地址输入有误。",
        "ar": "لا توجد صفحة على هذا العنوان. ربما نُقلت، أو كُتب العنوان خطأً.",
    },
    "notfound.home": {
        "en": "Go to the home page",
        "ko": "홈페이지로 가기",
        "fr": "Aller à la page d'accueil",
        "es": "Ir a la página de inicio",
        "zh": "前往首页",
        "ar": "الذهاب إلى الصفحة الرئيسية",
    },
    "search.title": {
        "en": "Search",
        "ko": "검색",
        "fr": "Rechercher",
        "es": "Buscar",
        "zh": "搜索",
        "ar": "بحث",
    },
    "search.label": {
        "en": "Search this site",
        "ko": "사이트 검색",
        "fr": "Rechercher sur ce site",
        "es": "Buscar en este sitio",
        "zh": "搜索本站",
        "ar": "البحث في هذا الموقع",
    },
    "search.needs_js": {
        "en": "Search runs in your browser and needs JavaScript. Without it, use the menu to "
        "browse the sections.",
        "ko": "검색은 브라우저에서 실행되며 자바스크립트가 필요합니다. 자바스크립트 없이도 "
        "메뉴에서 각 분야를 둘러볼 수 있습니다.",
        "fr": "La recherche s'exécute dans votre navigateur et nécessite JavaScript. Sans "
        "JavaScript, parcourez les rubriques depuis le menu.",
        "es": "La búsqueda funciona en su navegador y necesita JavaScript. Sin él, use el menú "
        "para recorrer las secciones.",
        "zh": "搜索在您的浏览器中运行，需要启用 JavaScript。未启用时，请通过菜单浏览各栏目。",
        "ar": "يعمل البحث في متصفحك ويتطلب JavaScript. ومن دونه، استخدم القائمة لتصفح الأقسام.",
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
