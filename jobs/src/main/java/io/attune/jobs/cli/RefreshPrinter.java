package io.attune.jobs.cli;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.events.SuppressionCount;
import java.io.PrintStream;

/** Writes refreshes and dead letters for people to read in a terminal. */
final class RefreshPrinter {

    private final PrintStream out;

    RefreshPrinter(PrintStream out) {
        this.out = out;
    }

    void note(String text) {
        out.println();
        out.println("── " + text);
    }

    void refresh(RecommendationRefresh refresh) {
        out.printf("   ⟳ refresh %-9s %-7s → %s (account %s, person %s, v%d, after %s)%n",
                refresh.app(), refresh.surface(), refresh.app().toLowerCase(), refresh.accountId(),
                refresh.centerId(), refresh.profileVersion(), refresh.triggeredBy());
        if (refresh.items().length == 0) {
            out.println("        (nothing personal to show: the app drops what it showed before"
                    + (refresh.withheld() == null ? "" : "; withheld: " + refresh.withheld()) + ")");
        }
        int rank = 1;
        for (RecommendedItem item : refresh.items()) {
            out.printf("        %d. %-20s %.3f  %s%n", rank++, item.itemId(), item.score(), item.reason());
        }
    }

    void suppressed(SuppressionCount count) {
        out.printf("   ⊘ guard suppressed %d %s message(s) about %s (audit: counts only)%n", count.count(), count.app(),
                count.category());
    }

    void deadLetter(DeadLetter letter) {
        out.printf("   ✗ dead letter from %s: %s%n", letter.sourceTopic(), letter.reason());
    }
}
