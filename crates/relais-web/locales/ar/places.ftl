# دليل الأماكن (issue 6).

nav-places = ابحث عن مكان
home-places-link = ابحث عن مكان قريب منك يمكن أن يساعدك فيه أحد

places-title = ابحث عن مكان قريب منك يمكن أن يساعدك فيه أحد
places-intro = أماكن يمكن أن يساعدك فيها شخص حضوريًا: الإجراءات الإدارية، الحاسوب، الإنترنت.
places-call = هل تفضّل أن نبحث معك؟ اتصل بنا:
places-near-label = الرمز البريدي أو البلدية
places-near-hint = مثلًا: 73000 أو Chambéry. لا تكتب عنوانك أبدًا.
places-need-label = ماذا تحتاج؟
places-need-any = كل الاحتياجات
places-q-label = كلمات مفتاحية (اختياري)
places-q-hint = مثلًا: CAF، البلدية، الطباعة.
places-radius-label = أقصى مسافة
places-open-now-label = الأماكن المفتوحة الآن فقط
places-free-label = الأماكن المجانية فقط
places-submit = ابحث
places-results-title = الأماكن التي وجدناها
places-results-near = أماكن قرب { $commune }
places-results-count = { $n ->
    [0] لم نجد أي مكان.
    [one] وجدنا مكانًا واحدًا.
    [two] وجدنا مكانين.
    [few] وجدنا { $n } أماكن.
   *[other] وجدنا { $n } مكانًا.
}
places-results-none = جرّب مسافة أكبر أو حاجة أخرى، أو اتصل بنا:
places-distance = { $km } كم
places-distance-label = المسافة
places-address-label = العنوان
places-today-label = اليوم
places-today = { $hours }
places-today-closed = مغلق اليوم
places-today-unknown = مواعيد العمل غير معروفة
places-open = مفتوح الآن
places-closed = مغلق الآن
places-hours-label = المواعيد المنشورة
places-contact-label = الاتصال
places-appointment = حجز موعد
places-accessibility-label = سهولة الوصول
places-accessibility-sheet = بطاقة سهولة الوصول (Acceslibre، بالفرنسية)
places-fees-label = الرسوم
places-services-label = الخدمات
places-osm-link = عرض على OpenStreetMap: { $name }
places-error-near-unknown = لا نعرف هذه البلدية أو هذا الرمز البريدي. تحقّق من الكتابة أو اكتب الرمز البريدي المكوّن من 5 أرقام.
places-error-radius = اختر مسافة بين 1 و200 كم.
console-find-place = ابحث عن مكان قرب الشخص

places-service-0 = المساعدة في الإجراءات الإدارية
places-service-1 = إتقان الأدوات الرقمية اليومية
places-service-2 = الإدماج المهني عبر الرقمي
places-service-3 = الاستخدام الآمن للرقمي
places-service-4 = التربية والتعليم مع الرقمي
places-service-5 = الترفيه والإبداع الرقمي
places-service-6 = فهم العالم الرقمي
places-service-7 = الوصول إلى الإنترنت والحاسوب
places-service-8 = اقتناء معدات حاسوب بسعر تضامني
places-fee-0 = مجاني
places-fee-1 = مجاني بشروط
places-fee-2 = بمقابل
places-specific-0 = الصمم
places-specific-1 = إعاقات حركية
places-specific-2 = إعاقات ذهنية
places-specific-3 = الأمية
places-specific-4 = لغات أجنبية (الإنجليزية)
places-specific-5 = لغات أجنبية (أخرى)
places-specific-6 = ضعف البصر
places-public-0 = الشباب
places-public-1 = الطلاب
places-public-2 = العائلات و/أو الأطفال
places-public-3 = كبار السن
places-public-4 = النساء
places-access-0 = الحضور مباشرة
places-access-1 = الاتصال هاتفيًا
places-access-2 = التواصل بالبريد الإلكتروني
places-access-3 = حجز موعد عبر الإنترنت
places-access-4 = هذا المكان لا يستقبل الجمهور
places-access-5 = إرسال بريد إلكتروني مع استمارة توجيه
places-support-0 = باستقلالية
places-support-1 = مرافقة فردية
places-support-2 = في ورشة جماعية
places-support-3 = عن بُعد

# data·inclusion: categories of the social services' thematiques (relais_directory::social::CATEGORIES)
places-need-group-digital = المساعدة الرقمية
places-need-group-social = المساعدة الاجتماعية والحياة اليومية
places-social-services-label = الخدمات الاجتماعية
places-category-equipement-et-alimentation = الطعام والملابس والتجهيزات
places-category-logement-hebergement = السكن والإيواء
places-category-difficultes-financieres = المال والميزانية والديون
places-category-difficultes-administratives-ou-juridiques = الإجراءات الإدارية والحقوق والعدالة
places-category-sante = الصحة
places-category-famille = الأسرة والأطفال
places-category-mobilite = التنقل
places-category-numerique = الرقمي
places-category-lecture-ecriture-calcul = القراءة والكتابة والحساب
places-category-se-former = التكوين
places-category-trouver-un-emploi = البحث عن عمل
places-category-choisir-un-metier = اختيار مهنة
places-category-preparer-sa-candidature = تحضير طلب العمل
places-category-creer-une-entreprise = إنشاء مقاولة
places-category-remobilisation = استعادة الثقة والانطلاق من جديد
places-category-souvrir-a-linternational = السفر أو الاستقرار في الخارج
