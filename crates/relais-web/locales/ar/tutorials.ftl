# الدروس (issue 3). العربية.

nav-tutorials = الدروس
home-tutorials-title = أنجِز معاملتك بنفسك، خطوة بخطوة
home-tutorials-text = تشرح دروسنا المعاملات عبر الإنترنت، خطوة بخطوة.
home-tutorials-link = عرض الدروس

tutorials-title = الدروس: المعاملات خطوة بخطوة
tutorials-intro = اكتب ما تريد فعله، بكلماتك.
tutorials-search-label = ماذا تريد أن تفعل؟
tutorials-search-hint = مثلًا: «التصريح بدخلي» أو «مكالمة فيديو مع أحفادي».
tutorials-search-submit = بحث
tutorials-browse-title = اختر موضوعًا
tutorials-all-title = كل الدروس
tutorials-results-title = نتائج البحث عن «{ $q }»
tutorials-results-none = لم نجد أي درس. جرّب كلمات أخرى، أو اتصل بنا.
tutorials-results-count = { $n ->
    [zero] لم يُعثر على أي درس.
    [one] عُثر على درس واحد.
    [two] عُثر على درسين.
   *[other] عدد الدروس: { $n }.
}
tutorials-topic-title = الموضوع: { $topic }
tutorials-topic-none = لا يوجد درس في هذا الموضوع بعد.
tutorials-back = العودة إلى الدروس
tutorials-minutes = { $n ->
    [one] دقيقة واحدة
    [two] دقيقتان
   *[other] { $n } دقيقة
}

tutorial-summary = باختصار
tutorial-needs = ما تحتاج إليه
tutorial-time = المدة
tutorial-steps = الخطوات
tutorial-step = الخطوة { $n }
tutorial-trouble = إذا لم ينجح الأمر
tutorial-site = الموقع الرسمي
tutorial-checked = تم التحقق في { $date }
tutorial-related = انظر أيضًا
tutorial-help-title = هل تحتاج إلى مساعدة؟
tutorial-help-text = يمكن لمتطوع أن يرشدك عبر الهاتف.
tutorial-help-call = اتصل بالرقم
tutorial-falc-link = اقرأ النسخة السهلة القراءة
tutorial-standard-link = اقرأ النسخة الكاملة
tutorial-versions = نسخ أخرى
tutorial-fallback-note = هذا الدرس غير متوفر بلغتك بعد. إليك النسخة الفرنسية.
tutorial-print = لطباعة هذا الدرس، استخدم أمر الطباعة في متصفحك.

feedback-title = هل ساعدك هذا الدرس؟
feedback-helped = ساعدني
feedback-not-helped = لم يساعدني
feedback-thanks-title = شكرًا
feedback-thanks-text = شكرًا على إجابتك. فهي تساعدنا على تحسين الدروس.
feedback-thanks-call = هل أنت عالق؟ يمكن لمتطوع أن يساعدك.
conflict-feedback-answer = اختر «ساعدني» أو «لم يساعدني».

console-tutorials-title = الدروس
console-tutorials-search-label = البحث عن درس
console-tutorials-none = لم يُعثر على أي درس بهذه الكلمات.
console-tutorials-email-label = البريد الإلكتروني للشخص
console-tutorials-email-hint = يُستعمل العنوان لهذه الرسالة فقط. لا يُحفظ في الطلب.
console-tutorials-send = إرسال الرابط بالبريد الإلكتروني
console-tutorials-sent = رابط الدرس في طريقه بالبريد الإلكتروني.
console-tutorials-holder-only = وحده من أخذ الطلب يمكنه إرسال درس.
error-email-invalid = اكتب عنوان بريد إلكتروني كاملًا، مثلًا name@example.org.
conflict-tutorial-unknown = هذا الدرس غير موجود.
event-tutorial-sent = أُرسل درس
tutorial-channel-email = بالبريد الإلكتروني
tutorial-mail-subject = الدرس: { $title }
tutorial-mail-body = مرحبًا، إليك الدرس الذي تحدثنا عنه عبر الهاتف: { $title }
    { $url }

    هل تحتاج إلى مساعدة؟ اتصل بالرقم { $phone } ({ $hours }).

    فريق خط المساعدة

nav-tutorial-editor = الدروس
editor-title = الدروس
editor-stale-count = { $n ->
    [zero] تم التحقق من كل الدروس منذ أقل من 6 أشهر.
    [one] نسخة واحدة لم يُتحقق منها منذ 6 أشهر.
   *[other] عدد النسخ التي لم يُتحقق منها منذ 6 أشهر: { $n }.
}
editor-col-tutorial = الدرس
editor-col-versions = النسخ
editor-col-checked = تاريخ التحقق
editor-col-feedback = ساعد / لم يساعد
editor-stale = يجب التحقق منه
editor-edit = تعديل
editor-edit-title = تعديل «{ $title }» ({ $variant })
editor-new-title = نسخة { $variant } جديدة من «{ $slug }»
editor-source-label = نص الدرس (Markdown مع ترويسته)
editor-source-hint = الترويسة بين السطرين +++. الخطوات قائمة مرقمة.
editor-preview = معاينة
editor-publish = نشر
editor-published = تم النشر. البحث محدَّث.
editor-errors = في النص أخطاء. لم يُنشر شيء.
editor-error-line = السطر { $line }: 
editor-history = السجل
editor-restore = إعادة نشر هذه النسخة
editor-restored = أُعيد نشر النسخة.
editor-shipped = ملف مرفق مع Relais
editor-current = منشورة
editor-not-published = غير منشورة
editor-create-variant = إنشاء نسخة
editor-variant-label = النسخة
variant-fr = الفرنسية
variant-fr-falc = الفرنسية السهلة القراءة
variant-en = الإنجليزية
variant-ar = العربية
editor-right-label = يمكنه تعديل الدروس
editor-right-save = حفظ
conflict-editor-coordinators-only = يُمنح هذا الحق للمنسقين.

content-error-missing-front-matter = يجب أن يبدأ النص بسطر +++.
content-error-unclosed-front-matter = الترويسة غير مغلقة بسطر +++.
content-error-front-matter-syntax = الترويسة غير مكتوبة بشكل صحيح (صيغة TOML).
content-error-missing-field = حقل إلزامي ناقص في الترويسة.
content-error-bad-field = حقل في الترويسة ليس بالشكل الصحيح.
content-error-unknown-field = هذا الحقل غير موجود في الترويسة.
content-error-bad-section = قسم ناقص أو عنوانه خاطئ أو ليس في مكانه.
content-error-unexpected-content = هذا النص خارج قائمتي القسمين.
content-error-empty-item = خطوة أو ملاحظة فارغة.
content-error-bad-pictogram-marker = يُكتب الرسم التوضيحي هكذا: [picto:name].
content-error-missing-separator = تُكتب الملاحظة هكذا: «الحالة : ماذا تفعل».
content-rule-title-not-first-person = يجب أن يذكر العنوان الهدف بصيغة المتكلم.
content-rule-unknown-topic = هذا الموضوع غير موجود في القائمة.
content-rule-official-site-not-domain = يجب أن يكون الموقع الرسمي اسم نطاق فقط (caf.fr).
content-rule-bad-link = يجب أن يؤدي الرابط إلى عنوان https:// صالح.
content-rule-unknown-related = درس مرتبط غير موجود.
content-rule-unknown-pictogram = هذا الرسم التوضيحي غير موجود.
content-rule-step-without-action = يجب أن تبدأ الخطوة بفعل.
content-rule-falc-sentence-too-long = جملة طويلة جدًا للفرنسية السهلة القراءة.
content-rule-falc-capitals = لا اختصارات في الفرنسية السهلة القراءة.
content-rule-falc-step-too-long = خطوة طويلة جدًا للفرنسية السهلة القراءة.
content-rule-no-french-original = يجب أن توجد النسخة الفرنسية من هذا الدرس أولًا.
content-rule-differs-from-original = هذه النسخة لا تطابق الأصل الفرنسي.
content-rule-other = النص يخالف قاعدة من قواعد الدروس.
