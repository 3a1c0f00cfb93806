# الأماكن: إدارة المنسقين، الاستيراد عبر الويب، الخريطة (issue 6).

coordination-nav-places = الأماكن
places-closed-until = مغلق مؤقتًا حتى { $date }

places-admin-title = أماكن الدليل
places-admin-add = إضافة مكان
places-admin-import-link = استيراد ملف
places-admin-stale-count = { $n ->
    [0] جميع الأماكن رُوجعت منذ أقل من سنة.
    [one] مكان واحد لم يُراجَع منذ أكثر من سنة.
   *[other] { $n } أماكن لم تُراجَع منذ أكثر من سنة.
}
places-admin-filter-q = الاسم أو البلدية أو الرمز البريدي
places-admin-filter-flag = عرض
places-admin-flag-active = الأماكن النشطة
places-admin-flag-stale = تحتاج إلى مراجعة (أكثر من سنة)
places-admin-flag-closed = مغلقة مؤقتًا
places-admin-flag-archived = مؤرشفة
places-admin-flag-all = الكل، مع المؤرشفة
places-admin-filter-submit = تصفية
places-admin-count = { $n ->
    [0] لا يوجد أي مكان.
    [one] مكان واحد.
   *[other] { $n } أماكن.
}
places-admin-caption = الأماكن حسب الاسم
places-admin-col-name = الاسم
places-admin-col-commune = البلدية
places-admin-col-status = الحالة
places-admin-col-checked = آخر مراجعة
places-admin-status-open = نشط
places-admin-status-archived = مؤرشف
places-admin-stale = تحتاج إلى مراجعة
places-admin-pages = الصفحات
places-admin-page = الصفحة { $page } من { $pages }
places-admin-prev = الصفحة السابقة
places-admin-next = الصفحة التالية

places-admin-new-title = مكان جديد
places-admin-edit-title = المكان: { $name }
places-admin-back = العودة إلى قائمة الأماكن
places-admin-public-link = عرضه في الصفحة العامة
places-admin-status-title = حالة المكان
places-admin-checked-on = رُوجع في { $date }.
places-admin-checked-by = رُوجع في { $date } من طرف { $who }.
places-admin-check-today = تمت المراجعة اليوم
places-admin-archived-note = هذا المكان مؤرشف: لا يظهر في البحث ولا في التصدير.
places-admin-restore = استعادة المكان
places-admin-reopen = إعادة الفتح الآن
places-admin-close-title = إغلاق مؤقت
places-admin-close = إغلاق حتى هذا التاريخ
places-admin-archive = أرشفة المكان
places-admin-fields-title = معلومات المكان
places-admin-required-note = الحقول المعلَّمة بـ * إلزامية.
places-admin-save = حفظ
places-admin-notice-cree = تم إنشاء المكان.
places-admin-notice-enregistre = تم حفظ التعديلات.
places-admin-notice-ferme = أُغلق المكان مؤقتًا.
places-admin-notice-rouvert = أُعيد فتح المكان.
places-admin-notice-archive = أُرشف المكان.
places-admin-notice-restaure = استُعيد المكان.
places-admin-notice-verifie = عُلِّم المكان كمُراجَع اليوم.

places-admin-field-nom = الاسم
places-admin-field-pivot = رقم SIRET أو RNA أو RIDET
places-admin-field-adresse = العنوان
places-admin-field-complement-adresse = تكملة العنوان
places-admin-field-code-postal = الرمز البريدي
places-admin-field-commune = البلدية
places-admin-field-code-insee = رمز INSEE للبلدية
places-admin-field-latitude = خط العرض
places-admin-field-longitude = خط الطول
places-admin-field-horaires = أوقات العمل
places-admin-field-telephone = الهاتف
places-admin-field-courriels = عناوين البريد الإلكتروني
places-admin-field-site-web = المواقع الإلكترونية
places-admin-field-prise-rdv = رابط حجز موعد
places-admin-field-presentation-resume = تعريف قصير
places-admin-field-presentation-detail = تعريف مفصل
places-admin-field-fiche-acces-libre = بطاقة إمكانية الوصول (Acceslibre)
places-admin-field-services = الخدمات المقدَّمة
places-admin-field-publics-specifiquement-adresses = الفئات المستقبَلة بشكل خاص
places-admin-field-prise-en-charge-specifique = مرافقة خاصة
places-admin-field-frais-a-charge = التكاليف
places-admin-field-modalites-acces = كيفية الوصول إلى المساعدة
places-admin-field-modalites-accompagnement = طرق المرافقة
places-admin-field-date-maj = تاريخ التحديث
places-admin-field-id = المعرِّف
places-admin-field-closed-until = مغلق حتى (مع احتساب هذا اليوم)
places-admin-field-closure-reason = سبب الإغلاق

places-admin-hint-pivot = من 9 إلى 14 رقمًا أو حرفًا؛ 00000000000000 إذا لم تكن تعرفه.
places-admin-hint-code-insee = 5 رموز، مثلًا 73065 (اختياري).
places-admin-hint-latitude = بالدرجات العشرية مع نقطة، مثلًا 45.5646.
places-admin-hint-longitude = بالدرجات العشرية مع نقطة، مثلًا 5.9178.
places-admin-hint-horaires = بصيغة OpenStreetMap، مثلًا: Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00
places-admin-hint-telephone = بالصيغة الدولية، مثلًا +33479000000.
places-admin-hint-courriels = عنوان واحد في كل سطر.
places-admin-hint-site-web = عنوان واحد في كل سطر، يبدأ بـ https://.
places-admin-hint-presentation-resume = 280 حرفًا على الأكثر.

places-admin-error-required = { $field }: هذا الحقل إلزامي.
places-admin-error-invalid = { $field }: القيمة «{ $detail }» غير صالحة.
places-admin-error-invalid-pivot = { $field }: «{ $detail }» ليس رقم SIRET أو RNA أو RIDET (من 9 إلى 14 رقمًا أو حرفًا).
places-admin-error-invalid-code-postal = { $field }: «{ $detail }» ليس رمزًا بريديًا من 5 أرقام.
places-admin-error-invalid-code-insee = { $field }: «{ $detail }» ليس رمز بلدية (5 رموز، مثلًا 73065).
places-admin-error-invalid-latitude = { $field }: أدخل عددًا بين -90 و90 مع نقطة (45.56)، وخط الطول معه.
places-admin-error-invalid-longitude = { $field }: أدخل عددًا بين -180 و180 مع نقطة (5.91)، وخط العرض معه.
places-admin-error-invalid-telephone = { $field }: «{ $detail }» ليس بالصيغة الدولية (+33479000000).
places-admin-error-hours = { $field }: تعذّرت قراءة أوقات العمل ابتداءً من «{ $detail }». استعمل صيغة OpenStreetMap، مثلًا Mo-Fr 09:00-12:00.
places-admin-error-email = { $field }: «{ $detail }» ليس عنوان بريد إلكتروني.
places-admin-error-url = { $field }: «{ $detail }» ليس عنوان ويب يبدأ بـ https://.
places-admin-error-too-long = { $field }: النص طويل جدًا.
places-admin-error-vocabulary = { $field }: «{ $detail }» ليس في قائمة المخطط الوطني.
places-admin-error-past = { $field }: هذا التاريخ قد مضى.
places-admin-error-too-far = { $field }: الإغلاق لأكثر من سنتين هو أرشفة.
places-admin-error-invalid-closed-until = { $field }: أدخل تاريخًا (يوم/شهر/سنة).

places-import-title = استيراد أماكن
places-import-upload-title = إرسال ملف
places-import-intro = ملف CSV أو JSON وفق المخطط الوطني لأماكن الوساطة الرقمية (كما في «relais import places»). يُفحص كل سطر؛ وتُحفظ الأسطر الصالحة كلها معًا أو لا يُحفظ شيء.
places-import-file = الملف
places-import-file-hint = { $mib } ميبيبايت على الأكثر.
places-import-format = الصيغة
places-import-format-auto = يُتعرَّف عليها تلقائيًا
places-import-mode = ماذا نفعل؟
places-import-mode-preview = الفحص فقط (لا يُحفظ شيء؛ ستؤكد بعد ذلك)
places-import-mode-import = الفحص وحفظ الأسطر الصالحة
places-import-submit = إرسال
places-import-report-title = تقرير الملف { $file }
places-import-summary = { $valid } سطر صالح، { $rejected } سطر مرفوض.
places-import-preview-note = لم يُحفظ أي شيء بعد.
places-import-stored = تم الحفظ: { $inserted } مضاف، { $updated } معدَّل، { $unchanged } دون تغيير.
places-import-rejected-caption = الأسطر المرفوضة
places-import-col-line = السطر
places-import-col-id = المعرِّف
places-import-col-field = الحقل
places-import-col-reason = السبب
places-import-more = … و{ $n } مشكلة أخرى.
places-import-confirm = حفظ الأسطر الصالحة
places-import-nothing-stored = لم يُحفظ أي شيء.
places-import-error-no-file = اختر ملفًا.
places-import-error-body = الإرسال غير مكتمل؛ أعد المحاولة.
places-import-error-too-large = حجم الملف يتجاوز { $mib } ميبيبايت؛ قسّمه أو استعمل «relais import places». لم يُحفظ أي شيء.
places-import-error-encoding = السطر { $line }: الملف ليس بترميز UTF-8 (احفظه بترميز UTF-8).
places-import-error-csv = السطر { $line }: ملف CSV غير مقروء ({ $reason }).
places-import-error-json = JSON غير مقروء ({ $reason }).
places-import-error-json-shape = يجب أن يكون JSON قائمة كائنات، كائن لكل مكان.
places-import-error-di-shape = ملف data·inclusion: يجب أن يكون JSON كائنًا يحتوي على القائمتين «structures» و«services»، أو قائمة هياكل.
places-import-error-columns = عمود أو أعمدة إلزامية مفقودة: { $columns }.
places-import-error-draft-gone = هذا الملف لم يعد متاحًا؛ أرسله من جديد.

places-map-title = خريطة الأماكن
places-map-note = القائمة أدناه تعرض الأماكن نفسها مع كل معلوماتها.
places-map-attribution = © المساهمون في OpenStreetMap
places-map-zoom-in = تكبير
places-map-zoom-out = تصغير
