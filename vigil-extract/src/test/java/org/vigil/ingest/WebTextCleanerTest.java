/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.ingest.CleanedText.Reason;

class WebTextCleanerTest {
  private static final String PARAGRAPH =
      "The network was led by a narcotics trafficker who acted on behalf of the ministry, "
          + "according to the Treasury.";

  @Test
  void navigationMenuAtTheTopIsRemoved() {
    String page =
        "Home\nWorld\nMiddle East\nPolitics\nOpinion\n\nIran hires criminals\n\n" + PARAGRAPH;

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo("Iran hires criminals\n\n" + PARAGRAPH);
    assertThat(cleaned.count(Reason.NAVIGATION) + cleaned.count(Reason.PAGE_CHROME)).isEqualTo(5);
  }

  @Test
  void cookieAndNotificationBannersAreRemoved() {
    String page =
        "We use cookies to improve your experience. By continuing you accept our cookie policy.\n"
            + "Turn on notifications to get breaking news alerts.\n"
            + PARAGRAPH;

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo(PARAGRAPH);
    assertThat(cleaned.count(Reason.COOKIE_BANNER)).isEqualTo(1);
    assertThat(cleaned.count(Reason.NOTIFICATION_BANNER)).isEqualTo(1);
  }

  @Test
  void shareButtonsTagsAndCategoriesAreRemoved() {
    String page =
        PARAGRAPH
            + "\n\nShare\nTweet\nFacebook | Twitter | WhatsApp\nPrint Friendly, PDF & Email\n\n"
            + "Categories: Latest News\nTags: , , , ,\n";

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo(PARAGRAPH);
  }

  @Test
  void listOfTimestampsIsRemovedButALoneDatelineStays() {
    String page =
        "Saturday, September 2nd, 2017 @ 1:56PM\n\n"
            + PARAGRAPH
            + "\n\nMore stories\n3 hours ago\n10:32 AM EST\nJan 5, 2024\n2024-01-04\n";

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo("Saturday, September 2nd, 2017 @ 1:56PM\n\n" + PARAGRAPH);
    assertThat(cleaned.count(Reason.TIMESTAMP_LIST)).isEqualTo(4);
  }

  @Test
  void loneShortHeadingsInsideTheArticleStay() {
    String page =
        PARAGRAPH + "\n\nSpy vs. Spy\n\n" + PARAGRAPH.replace("network", "cell") + "\n\nAnd\n";

    assertThat(WebTextCleaner.clean(page).text()).contains("Spy vs. Spy").endsWith("And");
  }

  @Test
  void paragraphRepeatedInOneDocumentIsKeptOnce() {
    String other = "Sanctions were announced against the network by the Treasury and the UK.";
    String page =
        PARAGRAPH + "\n\n" + other + "\n\n" + PARAGRAPH.toUpperCase(java.util.Locale.ROOT) + "\n";

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo(PARAGRAPH + "\n\n" + other);
    assertThat(cleaned.count(Reason.REPEATED_PARAGRAPH)).isEqualTo(1);
  }

  @Test
  void paragraphContainedInAnEarlierOneIsDropped() {
    String lead = "The puppet master is ignored. " + PARAGRAPH;

    CleanedText cleaned = WebTextCleaner.dropRepeatedParagraphs(lead + "\n\n" + PARAGRAPH);

    assertThat(cleaned.text()).isEqualTo(lead);
  }

  @Test
  void bylinesOfOneOrMoreWritersAreRemoved() {
    String page =
        "Smugglers' route through the mountains\n\nBy a staff correspondent\n\n"
            + PARAGRAPH
            + "\n\n(Reporting by Mina Karimi; Editing by Tom Hale)";

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo("Smugglers' route through the mountains\n\n" + PARAGRAPH);
    assertThat(cleaned.count(Reason.BYLINE)).isEqualTo(2);
  }

  @Test
  void sentenceOpeningWithByStays() {
    String page = "By the end of the year the smugglers had moved south.\n\n" + PARAGRAPH;

    assertThat(WebTextCleaner.clean(page).text()).isEqualTo(page);
  }

  @Test
  void browserNotificationPromptsInTheirCommonWordingsAreRemoved() {
    String page =
        "Would you like to receive notifications on latest updates?\n"
            + "Not now | Allow\n"
            + "news.example wants to show notifications\n"
            + PARAGRAPH;

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo(PARAGRAPH);
    assertThat(cleaned.count(Reason.NOTIFICATION_BANNER)).isEqualTo(3);
  }

  @Test
  void readingTimeListenButtonAndCommentCountAreRemoved() {
    String page =
        "Listen to this article 4 min\n6 min read\nComments (12)\nShow more\n" + PARAGRAPH;

    CleanedText cleaned = WebTextCleaner.clean(page);

    assertThat(cleaned.text()).isEqualTo(PARAGRAPH);
  }
}
