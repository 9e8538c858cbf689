/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the intake pages, with every sentence they show. Persian and Arabic are written
 * right to left. A sentence with {@code %s} takes one number.
 */
public enum IntakeLanguage {
  EN(
      "en",
      "ltr",
      "English",
      "Send a tip",
      "You can tell us what you saw without giving your name. This page records neither your"
          + " internet address nor your browser, and sets no cookie. Do not write your name or"
          + " anything that identifies you unless you want us to know it.",
      "What do you want to tell us?",
      "Attachments (optional, up to 5 files; their names are not kept)",
      "Send",
      "Thank you. Your tip was received.",
      "Your receipt",
      "Write this receipt down and keep it safe. It is shown only once. With it you can come back"
          + " to read our replies and add more. Nobody can recover it for you.",
      "Already sent a tip? Read replies with your receipt",
      "Receipt",
      "Read replies",
      "That receipt does not open a tip. Check what you typed.",
      "Replies",
      "No reply yet.",
      "Messages you sent: %s (kept sealed; not shown here).",
      "Add more",
      "Thank you. Your message was added.",
      "Write something or attach a file.",
      "The text is longer than 100,000 characters; shorten it or send it in parts.",
      "At most 5 files per message.",
      "A file or the whole message is too large: a file may be at most %s MB, the whole message"
          + " at most %s MB.",
      "The tip line is busy. Please try again in a few minutes; nothing was kept.",
      "Back to the form",
      "One of the files cannot be accepted; nothing was kept. Send photos (JPEG, PNG) or documents"
          + " (PDF, DOCX, ODT, plain text) without a password.",
      "This form was already sent, or it did not come from this tip line. The page has been"
          + " reloaded: send your message again (and choose your files again).",
      "The tip line is busy for messages sent without JavaScript. Please try again in a few"
          + " minutes; nothing was kept. With JavaScript on, your browser does a short calculation"
          + " that lets a message through even when the line is busy.",
      "Preparing your message (a short calculation that keeps spam out)…"),
  FA(
      "fa",
      "rtl",
      "فارسی",
      "ارسال گزارش",
      "می‌توانید بدون گفتن نامتان آنچه را دیده‌اید به ما بگویید. این صفحه نه نشانی اینترنتی شما را"
          + " ثبت می‌کند نه مرورگرتان را، و هیچ کوکی‌ای نمی‌گذارد. نام خود یا چیزی که شما را شناسایی"
          + " کند ننویسید، مگر اینکه بخواهید ما بدانیم.",
      "چه می‌خواهید به ما بگویید؟",
      "پیوست‌ها (اختیاری، حداکثر ۵ فایل؛ نام فایل‌ها نگه داشته نمی‌شود)",
      "ارسال",
      "سپاس‌گزاریم. گزارش شما دریافت شد.",
      "رسید شما",
      "این رسید را یادداشت کنید و در جای امن نگه دارید. فقط یک بار نمایش داده می‌شود. با آن"
          + " می‌توانید برگردید، پاسخ‌های ما را بخوانید و مطالب بیشتری بفرستید. هیچ‌کس نمی‌تواند"
          + " آن را برای شما بازیابی کند.",
      "قبلاً گزارشی فرستاده‌اید؟ پاسخ‌ها را با رسید خود بخوانید",
      "رسید",
      "خواندن پاسخ‌ها",
      "این رسید گزارشی را باز نمی‌کند. آنچه را نوشته‌اید بررسی کنید.",
      "پاسخ‌ها",
      "هنوز پاسخی نیامده است.",
      "پیام‌هایی که فرستاده‌اید: %s (مهروموم‌شده نگه داشته می‌شوند و اینجا نمایش داده نمی‌شوند).",
      "افزودن مطلب",
      "سپاس‌گزاریم. پیام شما افزوده شد.",
      "چیزی بنویسید یا فایلی پیوست کنید.",
      "متن بیش از ۱۰۰٬۰۰۰ نویسه است؛ آن را کوتاه کنید یا در چند بخش بفرستید.",
      "در هر پیام حداکثر ۵ فایل.",
      "یک فایل یا کل پیام بیش از حد بزرگ است: هر فایل حداکثر %s مگابایت و کل پیام حداکثر %s"
          + " مگابایت.",
      "خط گزارش شلوغ است. لطفاً چند دقیقه دیگر دوباره تلاش کنید؛ چیزی نگه داشته نشد.",
      "بازگشت به فرم",
      "یکی از فایل‌ها پذیرفته نمی‌شود؛ چیزی نگه داشته نشد. عکس (JPEG، PNG) یا سند (PDF، DOCX، ODT،"
          + " متن ساده) بدون گذرواژه بفرستید.",
      "این فرم قبلاً فرستاده شده یا از این خط گزارش نیامده است. صفحه دوباره بارگذاری شد: پیام خود"
          + " را دوباره بفرستید (و فایل‌ها را دوباره انتخاب کنید).",
      "خط گزارش برای پیام‌هایی که بدون جاوااسکریپت فرستاده می‌شوند شلوغ است. لطفاً چند دقیقه دیگر"
          + " دوباره تلاش کنید؛ چیزی نگه داشته نشد. با جاوااسکریپت روشن، مرورگر شما محاسبهٔ کوتاهی"
          + " انجام می‌دهد که پیام را حتی هنگام شلوغی می‌رساند.",
      "در حال آماده‌سازی پیام شما (محاسبه‌ای کوتاه برای جلوگیری از هرزنامه)…"),
  AR(
      "ar",
      "rtl",
      "العربية",
      "إرسال بلاغ",
      "يمكنك أن تخبرنا بما رأيت دون أن تذكر اسمك. هذه الصفحة لا تسجّل عنوانك على الإنترنت ولا"
          + " متصفحك، ولا تضع أي ملف تعريف ارتباط. لا تكتب اسمك أو أي شيء يدل عليك إلا إذا أردت"
          + " أن نعرفه.",
      "ماذا تريد أن تخبرنا؟",
      "مرفقات (اختيارية، حتى ٥ ملفات؛ لا تُحفظ أسماؤها)",
      "إرسال",
      "شكرًا لك. تم استلام بلاغك.",
      "إيصالك",
      "اكتب هذا الإيصال واحفظه في مكان آمن. لن يُعرض إلا مرة واحدة. به يمكنك العودة لقراءة"
          + " ردودنا وإضافة المزيد. لا أحد يستطيع استعادته لك.",
      "هل أرسلت بلاغًا من قبل؟ اقرأ الردود بإيصالك",
      "الإيصال",
      "قراءة الردود",
      "هذا الإيصال لا يفتح أي بلاغ. تحقّق مما كتبت.",
      "الردود",
      "لا يوجد رد بعد.",
      "الرسائل التي أرسلتها: %s (محفوظة مختومة ولا تُعرض هنا).",
      "إضافة المزيد",
      "شكرًا لك. أضيفت رسالتك.",
      "اكتب شيئًا أو أرفق ملفًا.",
      "النص أطول من ١٠٠٬٠٠٠ حرف؛ اختصره أو أرسله على أجزاء.",
      "خمسة ملفات على الأكثر في كل رسالة.",
      "أحد الملفات أو الرسالة كلها كبير جدًا: الحد للملف %s ميغابايت وللرسالة كلها %s"
          + " ميغابايت.",
      "خط البلاغات مشغول. يُرجى المحاولة بعد بضع دقائق؛ لم يُحفظ شيء.",
      "العودة إلى النموذج",
      "لا يمكن قبول أحد الملفات؛ لم يُحفظ شيء. أرسل صورًا (JPEG، PNG) أو مستندات (PDF، DOCX، ODT،"
          + " نص عادي) بلا كلمة مرور.",
      "هذا النموذج أُرسل من قبل أو لم يأتِ من خط البلاغات هذا. أُعيد تحميل الصفحة: أرسل رسالتك مرة"
          + " أخرى (واختر ملفاتك من جديد).",
      "خط البلاغات مشغول بالرسائل المرسلة دون جافاسكريبت. يُرجى المحاولة بعد بضع دقائق؛ لم يُحفظ"
          + " شيء. عند تفعيل جافاسكريبت يُجري متصفحك حسابًا قصيرًا يُمرّر الرسالة حتى عند الانشغال.",
      "جارٍ تجهيز رسالتك (حساب قصير يمنع الرسائل المزعجة)…");

  final String code;
  final String direction;
  final String name;
  final String title;
  final String intro;
  final String textLabel;
  final String filesLabel;
  final String send;
  final String received;
  final String receiptTitle;
  final String receiptNote;
  final String followLink;
  final String receiptLabel;
  final String read;
  final String unknownReceipt;
  final String replies;
  final String noReplies;
  final String ownMessages;
  final String addMore;
  final String added;
  final String empty;
  final String textTooLong;
  final String tooManyFiles;
  final String tooLarge;
  final String busy;
  final String back;
  final String badFile;
  final String proofRejected;
  final String busyUnproven;
  final String powWorking;

  IntakeLanguage(
      String code,
      String direction,
      String name,
      String title,
      String intro,
      String textLabel,
      String filesLabel,
      String send,
      String received,
      String receiptTitle,
      String receiptNote,
      String followLink,
      String receiptLabel,
      String read,
      String unknownReceipt,
      String replies,
      String noReplies,
      String ownMessages,
      String addMore,
      String added,
      String empty,
      String textTooLong,
      String tooManyFiles,
      String tooLarge,
      String busy,
      String back,
      String badFile,
      String proofRejected,
      String busyUnproven,
      String powWorking) {
    this.code = code;
    this.direction = direction;
    this.name = name;
    this.title = title;
    this.intro = intro;
    this.textLabel = textLabel;
    this.filesLabel = filesLabel;
    this.send = send;
    this.received = received;
    this.receiptTitle = receiptTitle;
    this.receiptNote = receiptNote;
    this.followLink = followLink;
    this.receiptLabel = receiptLabel;
    this.read = read;
    this.unknownReceipt = unknownReceipt;
    this.replies = replies;
    this.noReplies = noReplies;
    this.ownMessages = ownMessages;
    this.addMore = addMore;
    this.added = added;
    this.empty = empty;
    this.textTooLong = textTooLong;
    this.tooManyFiles = tooManyFiles;
    this.tooLarge = tooLarge;
    this.busy = busy;
    this.back = back;
    this.badFile = badFile;
    this.proofRejected = proofRejected;
    this.busyUnproven = busyUnproven;
    this.powWorking = powWorking;
  }

  /** The language of a page's {@code lang} parameter; English when absent or unknown. */
  public static IntakeLanguage of(Optional<String> code) {
    String wanted = code.map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse("");
    for (IntakeLanguage l : values()) {
      if (l.code.equals(wanted)) {
        return l;
      }
    }
    return EN;
  }

  public String code() {
    return code;
  }

  /** The sentence that tells the tipster what to fix. */
  String problem(IntakeProblem problem, long maxFileMegabytes, long maxRequestMegabytes) {
    return switch (problem) {
      case EMPTY -> empty;
      case TEXT_TOO_LONG -> textTooLong;
      case TOO_MANY_FILES -> tooManyFiles;
      case TOO_LARGE -> String.format(Locale.ROOT, tooLarge, maxFileMegabytes, maxRequestMegabytes);
      case BAD_FILE -> badFile;
      case BUSY -> busy;
      case BUSY_UNPROVEN -> busyUnproven;
      case PROOF_REJECTED -> proofRejected;
      case UNKNOWN_RECEIPT -> unknownReceipt;
    };
  }
}
