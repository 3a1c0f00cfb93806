# شبكة المتطوعين: التسجيل، الميثاق، الدعوات، الملف الشخصي، التكوين.

coordination-nav-invitations = دعوة متطوعين
coordination-nav-charter = الميثاق والشارات

signup-link-intro = لست متطوعًا بعد؟
signup-link = كن متطوعًا
signup-title = كن متطوعًا
signup-intro = هل تريد مساعدة الناس في إجراءاتهم عبر الإنترنت، بالهاتف، من بيتك؟ سجّل هنا. يستغرق ذلك 3 دقائق.
signup-required-note = الهاتف والمواضيع اختيارية. كل الباقي إلزامي.
signup-name-label = اسمك الكامل
signup-email-label = بريدك الإلكتروني
signup-phone-label = رقم هاتفك الشخصي
signup-phone-hint = اختياري. لا يُعطى أبدًا للأشخاص الذين نساعدهم. أنت تختار من يمكنه رؤيته.
signup-network-label = شبكتك
signup-network-hint = الجمعية أو الهيئة التي تأتي معها. إذا جئت وحدك، اختر «أتيت وحدي».
signup-network-choose = اختر من القائمة
signup-independent = أتيت وحدي (متطوع مستقل)
signup-independent-mail = الخط
signup-privacy = نحتفظ بهذه المعلومات لتنظيم المساعدة. لا يراها إلا منسقو شبكتك.
signup-submit = أرسل تسجيلي
signup-done-title = تم استلام التسجيل
signup-done-text = شكرًا! استلمنا تسجيلك.
signup-done-mail = ستتلقى رسالة بالبريد الإلكتروني. يجب أن يوافق منسق على حسابك. بعد ذلك يمكنك تسجيل الدخول.

people-languages-legend = اللغات التي تتكلمها
people-topics-legend = المواضيع التي تعرفها جيدًا
people-topics-hint = اختياري. اختر ما تستطيع شرحه.
people-hours-label = عدد الساعات في الأسبوع، على الأكثر
people-hours-hint = رقم من 1 إلى 60. اتركه فارغًا إذا كنت لا تعرف.
people-password-label = كلمة المرور
people-password-hint = 10 أحرف على الأقل.
people-charter-accept = قرأت ميثاق المتطوعين وألتزم باحترامه.
people-charter-read = اقرأ ميثاق المتطوعين

people-error-name-missing = اكتب اسمك.
people-error-name-invalid = هذا الاسم طويل جدًا (120 حرفًا على الأكثر).
people-error-email-invalid = اكتب بريدًا إلكترونيًا كاملًا، مثلًا name@example.org.
people-error-phone-invalid = هذا الرقم غير صحيح. اكتبه هكذا: 06 12 34 56 78.
people-error-network-missing = اختر شبكتك، أو «أتيت وحدي».
people-error-languages-missing = اختر لغة واحدة على الأقل.
people-error-language-unknown = هذه اللغة ليست في القائمة.
people-error-topic-unknown = هذا الموضوع ليس في القائمة.
people-error-hours-invalid = اكتب عدد ساعات من 1 إلى 60، أو اتركه فارغًا.
people-error-password-short = يجب أن تحتوي كلمة المرور على 10 أحرف على الأقل.
people-error-password-long = كلمة المرور طويلة جدًا (200 حرف على الأكثر).
people-error-charter-missing = لتصبح متطوعًا، يجب أن تقبل الميثاق.
people-error-charter-changed = تغيّر الميثاق. اقرأه من جديد، ثم اختر المربع مرة أخرى.
people-error-charter-length = اكتب الميثاق (20000 حرف على الأكثر).
people-error-badge-label = اكتب اسم الشارة (80 حرفًا على الأكثر).
conflict-charter-changed = تغيّر الميثاق في الأثناء. اقرأه من جديد ثم اقبله مرة أخرى.

charter-title = ميثاق المتطوعين
charter-version = النسخة { $version }
charter-to-signup = كن متطوعًا
charter-edit-title = تعديل الميثاق
charter-edit-label = نص الميثاق (النسخة الحالية: { $version })
charter-edit-hint = سطر لكل فقرة. «## » في بداية السطر تصنع عنوانًا، و«- » عنصر قائمة. الحفظ ينشئ نسخة جديدة يقبلها المتطوعون من جديد.
charter-edit-save = حفظ نسخة جديدة
charter-saved = تم حفظ النسخة الجديدة من الميثاق.
badges-catalogue = الشارات التي يمكن للمنسقين منحها
badges-new = شارة جديدة
badges-add = أضف الشارة

invitation-title = دعوتك
invitation-hello = مرحبًا { $name }!
invitation-intro = تدعوك شبكة { $network } للانضمام إلى المتطوعين. اختر كلمة مرور، وتحقق من لغاتك ومواضيعك، ثم اقبل الميثاق.
invitation-submit = تفعيل حسابي
invitation-used = هذا الرابط استُعمل من قبل. سجّل الدخول ببريدك الإلكتروني وكلمة المرور.
invitation-expired = هذا الرابط لم يعد صالحًا. اطلب دعوة جديدة من منسقك.
invitation-sign-in = تسجيل الدخول

profile-title = ملفي الشخصي
profile-saved = تم حفظ ملفك الشخصي.
profile-badges = الشارات
profile-no-badge = لا توجد شارة بعد. يمنحها منسقو شبكتك بعد تكوين.
profile-notifications = الرسائل التي أريد استلامها
profile-email-reminders = التذكير قبل فتراتي
profile-email-appeals = نداءات المساعدة عندما تنقص فترةً متطوعون
profile-phone-visible = من يمكنه رؤية رقمي
profile-visible-coordinators = منسقو شبكتي
profile-visible-nobody = لا أحد
profile-save = حفظ

training-title = التكوين
training-intro = كل ما يجب معرفته قبل أول مكالمة.
training-call-title = كيف تجري المكالمة
training-step-take = ابدأ الخدمة وخذ الطلب التالي. اقرأ الموضوع واللغة.
training-step-hide = أخفِ رقمك قبل الاتصال: اكتب #31# قبل الرقم.
training-step-call = اتصل بالشخص على الرقم المعروض.
training-step-identify = قدّم نفسك: اسمك الأول واسم الخط. قل لماذا تتصل.
training-step-listen = استمع إلى الطلب حتى النهاية. أعد صياغته لتتأكد أنك فهمت.
training-step-passwords = لا تطلب أبدًا كلمة مرور أو رمزًا بنكيًا أو رمزًا وصل عبر رسالة. الشخص يكتبها بنفسه.
training-step-tutorial = استعن بدليل الموضوع: وجّه الشخص خطوة بخطوة، دون أن تقوم بالإجراء مكانه بلا موافقته.
training-step-orient = إذا كان الأمر صعبًا أو خارج كفاءتك، وجّه الشخص إلى مكان يساعد (France Services، البلدية، جمعية).
training-step-record = سجّل نتيجة المكالمة في Relais: تمت المساعدة، تم التوجيه، إعادة الاتصال، تعذّر الوصول.
training-tutorials-title = الأدلة حسب الموضوع
training-charter-accepted = لقد قبلت هذه النسخة من الميثاق.
training-charter-accept = أقبل هذه النسخة من الميثاق

invitations-title = دعوة متطوعين
invitations-intro = أرسل ملف CSV. يتلقى كل شخص رسالة فيها رابط شخصي صالح لمدة { $days } يومًا. من لديه حساب لا يُدعى مرة ثانية.
invitations-format = الصيغة: سطر عناوين «nom;email;langues;sujets» (أو «name,email,languages,topics»). الفاصل «;» أو «,». اللغات والمواضيع: رموز يفصل بينها «|». اللغات والمواضيع اختيارية. لدعوة الهياكل الشريكة (CCAS، المراكز الاجتماعية، France Services)، سطر عناوين «structure;nom;email»: يحصل كل سطر على حساب شريك لهيكله.
invitations-network = شبكة الأشخاص المدعوين
invitations-file = ملف CSV ‏(UTF-8)
invitations-submit = تحقق وادعُ
invitations-done = { $count ->
    [one] تمت دعوة شخص واحد.
   *[other] تمت دعوة { $count } أشخاص.
}
invitations-known = { $count ->
    [0] لم يكن أحد معروفًا من قبل.
    [one] شخص واحد كان لديه حساب: لم يُدعَ مرة أخرى.
   *[other] { $count } أشخاص كان لديهم حساب: لم يُدعوا مرة أخرى.
}
invitations-refused = { $count ->
    [one] في الملف مشكلة واحدة. لم تتم دعوة أحد. صحّح ثم أرسل من جديد.
   *[other] في الملف { $count } مشاكل. لم تتم دعوة أحد. صحّح ثم أرسل من جديد.
}
invitations-problems = مشاكل الملف
invitations-col-line = السطر
invitations-col-column = العمود
invitations-col-problem = المشكلة
error-upload = تعذّرت قراءة الملف. أرسله من جديد.
conflict-error-upload = تعذّرت قراءة الملف. أرسله من جديد.

csv-error-not-utf8 = الملف ليس بترميز UTF-8. احفظه بصيغة «CSV UTF-8».
csv-error-unreadable = لا يمكن قراءة هذا السطر (علامات تنصيص غير مغلقة؟).
csv-error-empty = الملف فارغ.
csv-error-no-rows = لا يوجد أي شخص بعد سطر العناوين.
csv-error-unknown-column = عمود غير معروف. الأعمدة الممكنة: nom، email، langues، sujets (المتطوعون) أو structure، nom، email (الشركاء).
csv-error-repeated-column = هذا العمود مكرر.
csv-error-missing-column = هذا العمود الإلزامي ناقص.
csv-error-too-many-cells = في هذا السطر خانات أكثر من سطر العناوين.
csv-error-too-many-rows = في الملف أسطر كثيرة جدًا (5000 على الأكثر).
csv-error-name-missing = الاسم فارغ.
csv-error-name-invalid = الاسم طويل جدًا (120 حرفًا على الأكثر).
csv-error-email-missing = البريد الإلكتروني فارغ.
csv-error-email-invalid = هذا البريد الإلكتروني غير صالح.
csv-error-email-repeated = هذا البريد الإلكتروني موجود في سطر سابق من الملف.
csv-error-language-unknown = رمز لغة غير معروف (أمثلة: fr، ar، en).
csv-error-languages-missing = لا توجد لغة.
csv-error-topic-unknown = رمز موضوع غير معروف (انظر قائمة المواضيع).
csv-error-structure-missing = اسم الهيكل الشريك فارغ.
csv-error-structure-too-long = اسم الهيكل طويل جدًا (200 حرف على الأكثر).
csv-error-partner-column = ملف الشركاء (الذي يحتوي على عمود «structure») لا يتضمن لغات ولا مواضيع: احذف هذا العمود.

person-skills = المواضيع
person-charter-version = الميثاق مقبول: النسخة { $version }
person-charter-none = لم يُقبل الميثاق بعد
person-show-phone = عرض الرقم
person-phone-journaled = كل اطلاع يُسجَّل في السجل.
person-phone-hidden = غير مُشارَك
person-badge-give = منح
person-badge-remove = سحب
person-journal = الاطلاع على بياناته الشخصية

mail-signup-subject = تسجيلك كمتطوع
mail-signup-body = مرحبًا { $name }،

    استلمنا تسجيلك كمتطوع. شكرًا!

    سيوافق عليه منسق من { $network }. ستتلقى رسالة أخرى حينها.

    فريق الخط
mail-taken-subject = تسجيل ببريدك الإلكتروني
mail-taken-body = مرحبًا،

    حاول شخص ما (ربما أنت) التسجيل كمتطوع ببريدك الإلكتروني. لديك حساب من قبل: لم يتغير شيء.

    لتسجيل الدخول: { $url }
    إذا لم تكن أنت، يمكنك تجاهل هذه الرسالة.

    فريق الخط
mail-approved-subject = تمت الموافقة على حسابك كمتطوع
mail-approved-body = مرحبًا { $name }،

    وافق منسق على حسابك. يمكنك الآن تسجيل الدخول: { $url }

    قبل أول مكالمة، اقرأ صفحة «التكوين».

    شكرًا على مساعدتك!
    فريق الخط
mail-invitation-subject = دعوة للانضمام إلى المتطوعين
mail-invitation-body = مرحبًا { $name }،

    تدعوك شبكة { $network } للانضمام إلى متطوعي خط المساعدة في الإجراءات عبر الإنترنت.

    لتفعيل حسابك، افتح هذا الرابط الشخصي (صالح { $days } يومًا، مرة واحدة):
    { $url }

    ستختار كلمة المرور وتقرأ ميثاق المتطوعين.

    فريق الخط
