# Relais, نصوص الواجهة بالعربية (الفرنسية هي المرجع).
# الصفحات العامة بلغة بسيطة: جمل قصيرة، فكرة واحدة في كل جملة، كلمات يومية.
# كل مفتاح موجود أيضًا في fr/main.ftl و en/main.ftl (يتحقق من ذلك اختبار).

## Site frame (base.html)
site-name = Relais
skip-to-content = الانتقال إلى المحتوى
phone-banner-call = للمساعدة، اتصل بالرقم
nav-languages = اللغات
nav-account = حسابي
nav-console = لوحتي
nav-coordination = التنسيق
sign-out = تسجيل الخروج
cta-callback = اطلب أن نتصل بك
nav-follow = متابعة طلبي
nav-volunteers = فضاء المتطوعين
back-home = العودة إلى الصفحة الرئيسية
refresh = تحديث
title-error-prefix = خطأ:
value-none = غير مذكور
value-empty = —
value-yes = نعم
value-no = لا

## Error pages (error.html, PageError)
error-page-title = عذرًا، هناك مشكلة
error-page-not-found = هذه الصفحة غير موجودة. تحقق من العنوان.
error-page-csrf = انتهت صلاحية الاستمارة. أعد تحميل الصفحة وحاول مرة أخرى.
error-page-sign-in = سجّل الدخول لرؤية هذه الصفحة.
error-page-forbidden = لا يحق لك رؤية هذه الصفحة.
error-page-too-many = محاولات كثيرة في وقت قصير. انتظر بضع دقائق ثم حاول مرة أخرى.
error-page-internal = حدث خلل تقني من جهتنا. لم يتغير أي شيء. حاول مرة أخرى بعد قليل.
error-page-conflict = لا يمكن القيام بهذا الآن.

## Conflicts: conflict-<code>, codes from src/error.rs (underscores become dashes)
conflict-open-request-exists = يوجد طلب لهذا الرقم في الانتظار. سيتصل بك متطوع. لمتابعته أو إلغائه، اذهب إلى صفحة «متابعة طلبي».
conflict-not-on-duty = أنت لست في الخدمة. ابدأ خدمتك لتأخذ طلبًا.
conflict-not-holder = هذا الطلب لم يعد لك. يتولاه متطوع آخر أو فريق التنسيق.
conflict-request-closed = هذا الطلب مغلق بالفعل.
conflict-request-not-waiting = هذا الطلب لم يعد في قائمة الانتظار.
conflict-request-not-due = لم يحن بعد وقت معاودة الاتصال لهذا الطلب.
conflict-concurrent-change = غيّر شخص آخر هذا الطلب في الوقت نفسه. أعد تحميل الصفحة وحاول مرة أخرى.
conflict-lease-not-expired = لم تنته بعد المهلة المحددة لهذا الطلب.
conflict-error-follow-up-time = للمتابعة، اختر تاريخًا ووقتًا في المستقبل.
conflict-error-too-long = النص طويل جدًا.
conflict-error-unknown = هذا الاختيار غير موجود.
conflict-error-volunteer-inactive = حساب هذا المتطوع غير مفعّل.
conflict-error-volunteer-missing = اختر متطوعًا من القائمة.
conflict-error-account-status = حالة الحساب هذه غير موجودة.

## Field errors: the codes of FieldError (intake.rs, error.rs) and of the page forms
error-summary-title = هناك مشكلة
error-generic = هذه المعلومة غير صحيحة. تحقق منها.
error-phone-missing = اكتب رقم هاتفك.
error-phone-invalid = رقم الهاتف هذا غير صالح. اكتبه هكذا: ⁦06 12 34 56 78⁩.
error-topic-missing = اختر موضوع طلبك.
error-topic-unknown = هذا الموضوع غير موجود. اختر موضوعًا من القائمة.
error-language = اختر لغة من القائمة.
error-postcode = الرمز البريدي يتكون من 5 أرقام. مثلًا: 75011.
error-too-long = هذا النص طويل جدًا. اكتب كلمات أقل.
error-window = اختر وقتًا من القائمة.
error-channel = هذه القناة غير موجودة.
error-follow-up-time = للمتابعة، اختر تاريخًا ووقتًا في المستقبل.
error-follow-up-format = اكتب تاريخًا ووقتًا صحيحين.
error-unknown = هذا الاختيار غير موجود.
error-volunteer-inactive = حساب هذا المتطوع غير مفعّل.
error-email-taken = هذا البريد الإلكتروني لديه حساب بالفعل.
error-range = يجب أن تكون النهاية بعد البداية.
error-invalid = هذه المعلومة غير صحيحة. تحقق منها.
error-volunteer-missing = اختر متطوعًا من القائمة.
error-account-status = حالة الحساب هذه غير موجودة.
error-attempt-result = اختر نتيجة المكالمة.
error-outcome = اختر كيف ينتهي الطلب.
error-topic-id = اكتب معرّفًا بحروف لاتينية صغيرة بدون علامات، وأرقام وشرطات. 40 حرفًا على الأكثر.
error-topic-taken = هذا الموضوع موجود من قبل. غيّره في الجدول.
error-label = اكتب عنوانًا من 1 إلى 120 حرفًا.
error-pictogram = اختر رمزًا من القائمة.
error-position = اكتب عددًا صحيحًا بين 0 و100000.
error-request-number = اكتب رقم الطلب بالأرقام فقط.

## Home page (FALC)
home-title = مساعدة في استعمال الإنترنت، عبر الهاتف
home-intro-1 = هل تجد صعوبة في استعمال الإنترنت؟
home-intro-2 = يساعدك متطوع عبر الهاتف، خطوة بخطوة.
home-intro-3 = المساعدة مجانية.
home-call-title = اتصل بنا
home-call-text = رقمنا:
home-call-free = لا أحد يجيب؟ اطلب أن نتصل بك.
home-callback-title = اطلب أن نتصل بك
home-callback-text = اترك رقمك. سيتصل بك متطوع.
home-follow-title = هل قدّمت طلبًا من قبل؟
home-follow-text = يمكنك متابعته. ويمكنك أيضًا إلغاؤه.

## Callback form (FALC)
request-title = اطلب أن نتصل بك
request-intro = املأ هذه الاستمارة. سيتصل بك متطوع.
request-required-note = رقمك والموضوع فقط إلزاميان.
request-phone-label = رقم هاتفك
request-phone-hint = مثلًا: ⁦06 12 34 56 78⁩
request-topic-legend = في أي شيء تحتاج المساعدة؟
request-first-name-label = اسمك الأول (إن أردت)
request-language-label = بأي لغة تريد أن تتكلم؟
request-windows-legend = متى يمكننا الاتصال بك؟ (إن أردت)
request-windows-hint = يمكنك اختيار أكثر من خانة.
request-postcode-label = رمزك البريدي (إن أردت)
request-postcode-hint = 5 أرقام. مثلًا: 75011. يساعدنا في إيجاد مكان للمساعدة قريب منك.
request-urgent-label = الأمر مستعجل
request-urgent-hint = مثلًا: إجراء يجب إتمامه قبل الغد.
request-need-label = حاجتك، بكلماتك (إن أردت)
request-need-hint = { $max } حرف على الأكثر.
request-sms-label = أوافق على تلقي رسالة نصية
request-sms-hint = مثلًا: رابط إلى دليل. بلا إعلانات أبدًا.
request-privacy = نحتفظ بمعلوماتك فقط لمساعدتك. بعد ذلك نحذفها.
request-submit = أرسل طلبي

## Callback windows: window-<code>
window-morning = في الصباح
window-midday = عند الظهر
window-afternoon = بعد الظهر
window-evening = في آخر النهار

## Confirmation and wait (FALC)
confirmation-title = تم إرسال طلبك
confirmation-received = شكرًا. لقد وصلنا طلبك.
confirmation-reference-intro = رقم طلبك:
confirmation-keep-1 = احتفظ بهذا الرقم. اكتبه على ورقة.
confirmation-keep-2 = تحتاجه لمتابعة طلبك. وتحتاجه أيضًا لإلغائه.
confirmation-next-title = وماذا بعد؟
confirmation-hidden-number = قد يتصل بك المتطوع من رقم مخفي.
confirmation-answer = أجب مع ذلك. على الأرجح نحن.
confirmation-change-title = هل غيّرت رأيك؟
confirmation-change-text = لم تعد بحاجة إلى مساعدة؟ يمكنك إلغاء طلبك.
wait-minutes = سيتصل بك متطوع خلال { $low } إلى { $high } { $high ->
    [few] دقائق
   *[other] دقيقة
    } تقريبًا.
wait-under = سيتصل بك متطوع خلال أقل من { $high } { $high ->
    [few] دقائق
   *[other] دقيقة
    } تقريبًا.
wait-unknown = لا يمكننا بعد تقدير مدة الانتظار. سيتصل بك متطوع في أقرب وقت ممكن.
wait-planned = سنتصل بك في حوالي { $when }.

## Following and cancelling one's request (FALC)
follow-title = متابعة طلبي
follow-intro = اكتب مرجع طلبك. واكتب أيضًا رقم هاتفك.
follow-reference-label = المرجع
follow-reference-hint = مثلًا: K7M-4QX. حصلت عليه بعد تقديم طلبك.
follow-phone-label = رقم الهاتف
follow-phone-hint = الرقم الذي كتبته في طلبك.
follow-submit = عرض طلبي
follow-lost = أضعت المرجع؟ اتصل بنا.
follow-not-found = لا نجد طلبًا بهذا المرجع وهذا الرقم. تحقق من الاثنين.
follow-result-title = طلبك
follow-result-reference = مرجع طلبك:
follow-status-waiting = طلبك ينتظر متطوعًا.
follow-status-assigned = يتولى متطوع طلبك. سيتصل بك.
follow-status-closed = انتهى طلبك.
follow-status-cancelled = لقد ألغيت هذا الطلب.
follow-cancel-title = إلغاء طلبي
follow-cancel-text = لم تعد بحاجة إلى مساعدة؟ ألغِ طلبك. لن نتصل بك.
follow-cancel-button = إلغاء طلبي
follow-new-request = تقديم طلب جديد
cancelled-title = تم إلغاء طلبك
cancelled-text = لقد ألغينا طلبك.
cancelled-no-call = لن نتصل بك.
cancelled-again = تحتاج إلى مساعدة مرة أخرى؟ قدّم طلبًا جديدًا.

## Request statuses: status-<code> (staff) and follow-status-<code> (public, above)
status-waiting = في الانتظار
status-assigned = قيد المعالجة
status-closed = مغلق

## Sign-in
sign-in-title = فضاء المتطوعين
sign-in-intro = سجّل الدخول لمساعدة الأشخاص الذين ينتظرون.
sign-in-email = البريد الإلكتروني
sign-in-password = كلمة المرور
sign-in-submit = تسجيل الدخول
sign-in-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى.

## Volunteer console
console-title = لوحتي
console-duty-title = خدمتي
console-on-duty = في الخدمة
console-off-duty = خارج الخدمة
console-go-on-duty = بدء خدمتي
console-go-off-duty = إنهاء خدمتي
console-held-title = الطلبات التي أتولاها
console-held-none = لا تتولى أي طلب حاليًا.
console-held-until = محجوز لك حتى
console-queue-title = قائمة الانتظار
console-take-next = أخذ الطلب التالي
console-take-next-off-duty = ابدأ خدمتك لتأخذ طلبًا.
console-history-link = عرض سجلي
console-nobody-waiting = لا أحد ينتظرك حاليًا. حاول مرة أخرى بعد بضع دقائق.
console-duty-changed = تم تحديث حالة خدمتك.
console-closed = تم إغلاق الطلب. شكرًا!
console-released = أعيد الطلب إلى قائمة الانتظار.
console-rescheduled = تم تسجيل المكالمة. سيعود الطلب إلى قائمة الانتظار لاحقًا.
console-not-yours = هذا الطلب لم يعد لك.
stat-waiting = شخص ينتظر مكالمة
stat-oldest-wait = دقيقة انتظار لأقدم طلب
stat-assigned = طلب قيد المعالجة
stat-on-duty = متطوع في الخدمة
live-changed = تغيّرت قائمة الانتظار. حدّث الصفحة لرؤية القائمة المحدّثة.

## Request page (volunteer)
back-console = العودة إلى لوحتي
request-page-title = الطلب { $reference }
request-about-title = الطلب
request-topic = الموضوع
request-phone = الهاتف
request-phone-hide-caller-id = أخفِ رقمك قبل الاتصال: اطلب #31# قبل الرقم.
request-urgency = الاستعجال
request-language = اللغة
request-first-name = الاسم الأول
request-postcode = الرمز البريدي
request-windows = أوقات الاتصال
request-windows-any = لا تفضيل
request-sms = يقبل الرسائل النصية
request-channel = وصل عبر
request-created = تاريخ الاستلام
request-failed-attempts = مكالمات بلا رد
request-holder = يتولاه
request-lease-until = محجوز حتى
request-due-at = معاودة الاتصال ابتداءً من
request-outcome = النتيجة
request-need = الحاجة
request-note = ملاحظة
attempt-title = تسجيل مكالمة
attempt-legend = نتيجة المكالمة
attempt-submit = حفظ المكالمة
close-title = إغلاق الطلب
close-outcome-label = كيف ينتهي الطلب
close-outcome-choose = اختر
close-follow-up-label = تاريخ المكالمة القادمة (للمتابعة)
close-follow-up-hint = فقط لخيار «متابعة لاحقة». بتوقيت باريس.
close-note-label = ملاحظة (عند الحاجة)
close-note-hint = 1000 حرف على الأكثر. بدون بيانات حساسة. ستُحذف الملاحظة لاحقًا.
close-submit = إغلاق الطلب
release-title = إرجاع الطلب
release-text = لا يمكنك التكفل به؟ أعده إلى قائمة الانتظار لمتطوع آخر.
release-submit = إعادة إلى قائمة الانتظار
timeline-title = ما حدث
extend-title = الاحتفاظ بالطلب مدة أطول
extend-until = هذا الطلب محجوز لك حتى
extend-text = هل المكالمة طويلة؟ قل ذلك هنا. وإلا يعود الطلب إلى قائمة الانتظار في ذلك الوقت.
extend-submit = ما زلت على الخط مع الشخص
extend-done = تم التسجيل. يبقى الطلب لك مدة أطول.

## Attempt results: attempt-<code>
attempt-reached = تحدثت مع الشخص
attempt-no-answer = لا رد
attempt-voicemail = البريد الصوتي
attempt-wrong-number = رقم خاطئ

## Outcomes: outcome-<code>
outcome-resolved = تم الحل
outcome-oriented = توجيه إلى مكان أو خدمة
outcome-follow-up = متابعة لاحقة
outcome-unreachable = تعذر الوصول إلى الشخص
outcome-cancelled = ملغى
outcome-out-of-scope = خارج نطاق الخدمة

## Timeline events: event-<code>
event-created = استلام الطلب
event-claimed = أخذه متطوع
event-assigned = أسنده فريق التنسيق
event-attempt = مكالمة
event-released = أعيد إلى قائمة الانتظار
event-lease-extended = تمديد الوقت: المتطوع ما زال على الخط
event-lease-expired = انتهت المهلة: أعيد إلى قائمة الانتظار
event-rescheduled = مكالمة أخرى مبرمجة لاحقًا
event-follow-up-scheduled = متابعة مبرمجة
event-closed = أغلق
event-cancelled-by-person = ألغاه الشخص
event-purged = حُذفت البيانات الشخصية

## Channels: channel-<code>
channel-web = الموقع الإلكتروني
channel-phone = الهاتف
channel-sms = رسالة نصية
channel-referral = إحالة من شريك

## Urgency: urgency-<code>
urgency-normal = عادي
urgency-urgent = مستعجل

## History
history-title = سجلي
history-intro = الطلبات التي تعاملت معها، بدون بيانات شخصية.
history-empty = لم تتعامل بعد مع أي طلب.
history-caption = آخر 100 طلب تعاملت معه

## Table headings
col-reference = المرجع
col-topic = الموضوع
col-status = الحالة
col-date = التاريخ
col-language = اللغة
col-urgency = الاستعجال
col-volunteer = المتطوع
col-lease-until = محجوز حتى
col-waiting-since = تاريخ الاستلام
col-assign = إسناد
col-name = الاسم
col-role = الدور
col-account-status = الحساب
col-languages = اللغات
col-networks = الشبكات
col-actions = الإجراءات
col-label = البند
col-count = العدد
col-share = النسبة

## Coordination
coordination-title = قائمة الانتظار مباشرة
coordination-nav = التنسيق
coordination-nav-queue = قائمة الانتظار مباشرة
coordination-nav-volunteers = المتطوعون
coordination-nav-figures = أرقام اليوم
coordination-nav-topics = المواضيع
coordination-nav-journal = سجل الاطلاع
coordination-now-title = الآن
coordination-waiting-later = { $count ->
    [0] لا يوجد طلب مبرمج لاحقًا.
    [one] طلب واحد مبرمج لاحقًا (معاودة اتصال أو متابعة).
    [two] طلبان مبرمجان لاحقًا (معاودة اتصال أو متابعة).
    [few] { $count } طلبات مبرمجة لاحقًا (معاودة اتصال أو متابعة).
    [many] { $count } طلبًا مبرمجًا لاحقًا (معاودة اتصال أو متابعة).
   *[other] { $count } طلب مبرمج لاحقًا (معاودة اتصال أو متابعة).
    }
coordination-queue-title = الطلبات المنتظرة وقيد المعالجة
coordination-queue-caption = الطلبات قيد المعالجة، ثم الطلبات التي يجب الاتصال بها الآن، الأكثر استعجالًا أولًا
coordination-queue-empty = لا يوجد طلب منتظر أو قيد المعالجة.
assign-label = المتطوع للطلب { $reference }
assign-choose = اختر متطوعًا
assign-submit = إسناد
assign-on-duty = في الخدمة
assign-off-duty = خارج الخدمة
assign-nobody-speaks = لا يوجد متطوع نشط يتكلم هذه اللغة.
volunteers-title = المتطوعون
volunteers-intro = يمكنك تفعيل حسابات شبكاتك أو تعطيلها. الحساب المعطّل يُسجَّل خروجه فورًا.
volunteers-caption = الحسابات
volunteers-empty = لا توجد حسابات.
volunteers-activate = تفعيل
volunteers-deactivate = تعطيل
figures-title = أرقام اليوم
figures-intro = أرقام يوم { $day }، بتوقيت باريس، بدون بيانات شخصية.
figures-created = طلب مستلم
figures-closed = طلب مغلق
figures-median-wait = دقيقة هي المدة الوسيطة للانتظار قبل أول مكالمة
figures-first-callbacks = مكالمة أولى
figures-median-none = لا توجد مكالمة أولى اليوم بعد: لا توجد مدة انتظار وسيطة.
figures-by-channel = الطلبات المستلمة حسب القناة
figures-by-topic = الطلبات المستلمة حسب الموضوع
figures-by-outcome = الطلبات المغلقة حسب النتيجة
figures-empty = لا شيء حتى الآن.

## Topic catalogue (administrators, topics.html)
topics-title = المواضيع
topics-intro = هذه المواضيع معروضة على الناس في استمارة الطلب. لا يُحذف أي موضوع أبدًا: لإخفائه، أزل علامة «معروض».
topics-labels-note = تعرض الصفحات بالفرنسية والإنجليزية العناوين أدناه. وتعرض اللغات الأخرى ترجمتها إن وُجدت، وإلا فالعنوان بالفرنسية.
topics-list-title = كل المواضيع
topics-caption = المواضيع، بترتيب الاستمارة
topics-empty = لا توجد مواضيع.
topics-id = المعرّف
topics-id-hint = حروف لاتينية صغيرة بدون علامات، وأرقام وشرطات. مثلًا: banque-en-ligne. لا يتغير المعرّف بعد ذلك.
topics-label-fr = العنوان بالفرنسية
topics-label-en = العنوان بالإنجليزية
topics-pictogram = الرمز
topics-pictogram-choose = اختر رمزًا
topics-position = الترتيب
topics-position-hint = الأرقام الصغيرة تظهر أولًا.
topics-priority = ذو أولوية
topics-priority-hint = حاجة متكررة: يظهر في أعلى الاستمارة.
topics-active = معروض
topics-active-hint = أزل العلامة لتوقف عرض هذا الموضوع. الطلبات القديمة تحتفظ به.
topics-save = حفظ
topics-add-title = إضافة موضوع
topics-add-submit = إضافة الموضوع
topics-saved = تم حفظ الموضوع.

## Access journal (administrators, journal.html)
journal-title = سجل الاطلاع
journal-intro = من اطّلع على البيانات الشخصية لطلب ما، ومتى. بتوقيت باريس.
journal-request-label = رقم الطلب
journal-request-hint = الرقم موجود في آخر عنوان صفحة الطلب. اتركه فارغًا لرؤية آخر عمليات الاطلاع.
journal-filter = بحث
journal-show-all = عرض السجل كاملًا
journal-list-title = عمليات الاطلاع
journal-empty = لم يتم العثور على أي عملية اطلاع.
journal-caption-latest = آخر { $count } عملية اطلاع، الأحدث أولًا
journal-caption-request = عمليات الاطلاع على الطلب رقم { $id }، الأحدث أولًا
journal-col-when = متى
journal-col-who = من
journal-col-request = الطلب
journal-col-action = الإجراء
journal-action-claim = أخذ الطلب
journal-action-view = فتح الطلب

## Roles and account statuses: role-<code>, account-status-<code>
role-volunteer = متطوع
role-coordinator = منسق
role-admin = مسؤول
account-status-pending = في انتظار الموافقة
account-status-active = مفعّل
account-status-deactivated = معطّل

## Topics: topic-<id> (ids from relais_domain::topics::SEED)
topic-famille-visio = التواصل مع عائلتي (مكالمة فيديو)
topic-declaration-en-ligne = تقديم تصريح عبر الإنترنت (CAF، France Travail، الضرائب)
topic-info-verifiee = العثور على معلومات موثوقة
topic-sante-ameli = الصحة والتأمين الصحي (Ameli)
topic-famille-caf = الأسرة والمنح العائلية (CAF)
topic-travail-emploi = العمل والبطالة
topic-impots = الضرائب
topic-papiers-ants = وثائق الهوية، رخصة القيادة، بطاقة تسجيل السيارة (ANTS)
topic-logement = السكن
topic-ecole-ent = المدرسة ومنصتها الرقمية (ENT)
topic-courriel-comptes = البريد الإلكتروني والحسابات على الإنترنت
topic-achats-en-ligne = التسوق عبر الإنترنت
topic-securite-arnaques = الأمان والاحتيال
topic-equipement-connexion = الأجهزة والاتصال بالإنترنت
topic-autre = شيء آخر

## Languages a request can be served in: language-<code> (relais_domain::request::LANGUAGES)
language-fr = الفرنسية
language-en = الإنجليزية
language-ar = العربية
language-es = الإسبانية
language-pt = البرتغالية
language-it = الإيطالية
language-de = الألمانية
language-ro = الرومانية
language-tr = التركية
language-ru = الروسية
language-uk = الأوكرانية
language-zh = الصينية
language-vi = الفيتنامية
language-ff = الفولانية
language-wo = الولوفية
language-ber = الأمازيغية
