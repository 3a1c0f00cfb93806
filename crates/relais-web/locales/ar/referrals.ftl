## توجيه شخص إلى مكان، والهيئات الشريكة (issue 6).

referral-orient-here = التوجيه إلى هنا
referral-form-title = توجيه الشخص إلى { $place }
referral-back = رجوع
referral-place-title = المكان
referral-place-email = البريد الإلكتروني للمكان
referral-place-no-email = ليس لهذا المكان بريد إلكتروني: يجب الاتصال به.
referral-place-phone = هاتف المكان
referral-place-call-first = لن يتلقى هذا المكان بريدًا إلكترونيًا. سيُسجَّل التوجيه: اتصل بالمكان لتقديمه، ثم سجّل جوابه هنا.
referral-topic-label = الموضوع
referral-topic-choose = اختر موضوعًا
referral-first-name-label = الاسم الأول للشخص
referral-first-name-hint = اختياري. سيراه المكان لاستقبال الشخص.
referral-need-label = ما يجب أن يعرفه المكان
referral-need-hint = اختياري، { $max } حرفًا على الأكثر. لا أرقام ولا معلومات حساسة.
referral-notify-sms-label = إرسال عنوان المكان ومواعيده اليوم إلى الشخص برسالة نصية
referral-person-email-label = البريد الإلكتروني للشخص (اختياري)
referral-person-email-hint = إن رغب، سيتلقى عنوان المكان ومواعيده اليوم.
referral-consent-label = يوافق الشخص على إرسال اسمه الأول وطلبه إلى هذا المكان
referral-consent-hint = إلزامي. اطلب موافقته قبل الإرسال.
referral-submit = إرسال التوجيه
referral-error-consent = ضع علامة في هذا المربع: موافقة الشخص ضرورية لتوجيهه.
referral-error-topic = اختر موضوعًا من القائمة.
referral-error-first-name = الاسم الأول طويل جدًا ({ $max } حرفًا على الأكثر).
referral-error-need-too-long = النص طويل جدًا ({ $max } حرفًا على الأكثر).
referral-notice-sent = أُرسل التوجيه: تلقى المكان بريدًا إلكترونيًا لقبوله أو رفضه.
referral-notice-call = سُجّل التوجيه. ليس لهذا المكان بريد إلكتروني: اتصل به ثم سجّل جوابه.
referral-notice-sms-opted-out = أُرسل التوجيه. رفض الشخص الرسائل النصية (STOP): لم تُرسل إليه أي رسالة.
referral-notice-step = تم التسجيل.
referral-section-title = التوجيهات
referral-find-place = البحث عن مكان لتوجيه الشخص
referral-none = لا يوجد توجيه حتى الآن.
referral-col-place = المكان
referral-col-state = الحالة
referral-col-sent = أُرسل
referral-col-answered = الجواب
referral-col-finished = النهاية
referral-col-actions = تسجيل
referral-by-phone = للاتصال
referral-place-closed = هذا المكان مغلق حتى { $date } ضمنًا: أخبر الشخص أو وجّهه إلى مكان آخر.
referral-place-closed-because = هذا المكان مغلق حتى { $date } ضمنًا ({ $reason }): أخبر الشخص أو وجّهه إلى مكان آخر.
referral-place-archived = هذا المكان لم يعد في الدليل: وجّه الشخص إلى مكان آخر.
referral-place-closed-subject = التوجيه إلى { $place }: المكان مغلق حتى { $date }
referral-place-closed-body =
    مرحبًا { $name }،

    وجّهت شخصًا إلى { $place } في { $sent }. هذا المكان مغلق حتى { $date } ضمنًا (السبب: { $reason }).

    أخبر الشخص أو وجّهه إلى مكان آخر:
    { $url }

    Relais
referral-place-archived-subject = التوجيه إلى { $place }: المكان لم يعد في الدليل
referral-place-archived-body =
    مرحبًا { $name }،

    وجّهت شخصًا إلى { $place } في { $sent }. هذا المكان لم يعد في الدليل.

    وجّه الشخص إلى مكان آخر:
    { $url }

    Relais
referral-state-sent = أُرسل، في انتظار الجواب
referral-state-accepted = مقبول
referral-state-refused = مرفوض
referral-state-expired = انتهت مدته دون جواب
referral-state-done = حضر الشخص
referral-state-no-show = لم يحضر الشخص
referral-step-accept = المكان يقبل
referral-step-refuse = المكان يرفض
referral-step-done = حضر الشخص
referral-step-no-show = لم يحضر الشخص
referral-link-title = توجيه إلى { $place }
referral-link-state = الحالة
referral-sent-label = أُرسل في
referral-expires-label = الجواب مطلوب قبل
referral-link-intro = يرجى إخبارنا بجوابكم. هذا الرابط يعمل مرة واحدة فقط.
referral-link-questions = سؤال؟ اتصل بالخط:
referral-link-unknown = هذا الرابط غير موجود.
referral-link-used = استُخدم هذا الرابط من قبل. جوابكم مسجَّل؛ لا يمكن استخدامه مرة ثانية.
referral-link-expired = هذا الرابط لم يعد صالحًا: انتهت مهلة الجواب.
referral-link-wrong-step = هذا الرابط ليس لهذا الغرض.
referral-link-already-answered = تلقى هذا التوجيه جوابًا من قبل.
referral-link-thanks-accepted = شكرًا: لقد قبلتم استقبال الشخص. ستتلقون بريدًا آخر لإخبارنا إن حضر.
referral-link-thanks-refused = شكرًا: سُجّل رفضكم. سنبحث مع الشخص عن مكان آخر.
referral-link-thanks-done = شكرًا: سجّلنا أن الشخص حضر.
referral-link-thanks-no-show = شكرًا: سجّلنا أن الشخص لم يحضر.
referral-mail-subject = توجيه شخص إلى { $place }
referral-mail-body =
    مرحبًا،

    يوجّه خط المساعدة Relais إلى { $place } شخصًا يحتاج إلى مرافقة، بموافقته.

    الاسم الأول: { $first_name }
    الموضوع: { $topic }
    ما يجب أن تعرفوه: { $need }

    هل يمكنكم استقباله؟ أجيبوا قبل { $until } بهذا الرابط (يعمل مرة واحدة):
    { $url }

    سؤال: { $phone }.
    Relais
referral-reminder-subject = تذكير: توجيه شخص إلى { $place }
referral-reminder-body =
    مرحبًا،

    لم نتلقَّ جوابكم على هذا التوجيه بعد.

    الاسم الأول: { $first_name }
    الموضوع: { $topic }
    ما يجب أن تعرفوه: { $need }

    دون جواب قبل { $until } ستنتهي مدة التوجيه. للإجابة (رابط لمرة واحدة):
    { $url }

    سؤال: { $phone }.
    Relais
referral-outcome-mail-subject = هل حضر الشخص الموجَّه إلى { $place }؟
referral-outcome-mail-body =
    مرحبًا،

    شكرًا لقبولكم استقبال { $first_name }. عندما تعرفون، أخبرونا إن حضر الشخص (رابط لمرة واحدة):
    { $url }

    Relais
referral-person-subject = المكان الذي تذهب إليه: { $place }
referral-person-body =
    Relais: أنت منتظَر في { $place }، { $address }. { $hours }. هاتف المكان: { $place_phone }. سؤال: { $phone }.
conflict-referral-wrong-state = تغيّرت حالة هذا التوجيه من قبل: أعد تحميل الصفحة.
conflict-referral-not-allowed = لا يمكنك تسجيل هذه الخطوة: المكان يجيب عبر رابطه.
conflict-referral-not-yet-expired = لم تنتهِ مهلة هذا التوجيه بعد.
conflict-referral-already-expired = انتهت مهلة الجواب على هذا التوجيه.
conflict-referral-step-unknown = هذه الخطوة غير موجودة.
stats-referrals-title = التوجيهات إلى مكان
event-referral-sent = أُرسل توجيه إلى مكان
event-referral-accepted = قبل المكان التوجيه
event-referral-refused = رفض المكان التوجيه
event-referral-expired = انتهت مدة التوجيه دون جواب
event-referral-done = حضر الشخص إلى المكان
event-referral-no-show = لم يحضر الشخص إلى المكان

## Partners
role-partner = شريك
nav-partner = فضاء الشريك
coordination-nav-partners = الشركاء
coordination-nav-referrals = التوجيهات
partner-home-title = فضاء الشريك
partner-send-request = إرسال طلب إلى الخط نيابة عن شخص
partner-find-place = البحث عن مكان لتوجيه شخص
partner-requests-title = الطلبات المرسلة إلى الخط
partner-requests-none = لم يُرسل أي طلب.
partner-referrals-title = التوجيهات إلى مكان
partner-col-reference = المرجع
partner-col-topic = الموضوع
partner-col-status = الحالة
partner-col-sent = أُرسل
partner-col-closed = أُغلق
partner-notice-request-sent = أُرسل الطلب: سيتصل متطوع بالشخص.
partner-request-consent-label = يوافق الشخص على أن أرسل طلبه إلى الخط
partner-request-consent-hint = إلزامي. اطلب موافقته قبل الإرسال.
partner-error-consent = ضع علامة في هذا المربع: موافقة الشخص ضرورية.
partners-title = الهيئات الشريكة
partners-list-title = حسابات الشركاء
partners-none = لا يوجد حساب شريك.
partners-structure-label = الهيئة
partners-structure-hint = مثلًا: CCAS de Chambéry، مركز اجتماعي، France Services.
partners-name-label = اسم الشخص
partners-email-label = البريد الإلكتروني
partners-col-status = الحساب
partners-col-actions = الإجراءات
partners-invite-title = دعوة شريك
partners-batch-hint = عدة هياكل دفعة واحدة: ملف CSV بسطر العناوين «structure;nom;email».
partners-batch-link = إرسال ملف دعوات
partners-invite-submit = إرسال الدعوة
partners-invited = أُرسلت الدعوة.
partners-error-name = اكتب اسم الشخص (100 حرف على الأكثر).
partners-error-structure = اكتب اسم الهيئة (200 حرف على الأكثر).
partners-mail-subject = دخولك كشريك إلى Relais ({ $structure })
partners-mail-body =
    مرحبًا { $name }،

    أنت مدعو لاستخدام Relais باسم { $structure }: إرسال طلبات إلى خط المساعدة وتوجيه أشخاص إلى مكان.

    اختر كلمة مرورك بهذا الرابط، صالح { $days } يومًا ولمرة واحدة:
    { $url }

    Relais
partner-invitation-title = دخولك كشريك
partner-invitation-intro = مرحبًا { $name }، اختر كلمة مرورك.
partner-invitation-password = كلمة المرور
partner-invitation-password-hint = 10 أحرف على الأقل.
partner-invitation-submit = تفعيل دخولي
referral-list-title = التوجيهات
referral-list-intro = التوجيهات التي أرسلها متطوعو شبكاتك وشركاؤها، الأحدث أولًا: التي تنتظر رد المكان، والتي ستنتهي صلاحيتها قريبًا، والتي أُرسلت إلى مكان أُغلق منذ ذلك الحين.
referral-list-filter = الحالة
referral-list-submit = عرض
referral-list-all = كل الحالات
referral-list-count = { $count ->
    [0] لا يوجد أي توجيه.
    [one] توجيه واحد.
   *[other] { $count } توجيهات.
}
referral-list-caption = التوجيهات، الأحدث أولًا
referral-list-col-topic = الموضوع
referral-list-col-sender = أرسله
referral-list-col-request = الطلب
referral-list-open-request = عرض الطلب
referral-list-no-request = (شريك، بدون طلب)
