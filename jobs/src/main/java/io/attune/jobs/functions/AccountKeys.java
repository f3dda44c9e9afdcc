package io.attune.jobs.functions;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.stream.ActivitySignal;
import org.apache.flink.api.java.functions.KeySelector;

/** The account key, {@code app:accountId}: the identity stage's key and an unlinked account's person id. */
public final class AccountKeys {

    private AccountKeys() {}

    public static String of(String app, String accountId) {
        return app + ":" + accountId;
    }

    /** Keys account links by account. */
    public static final class OfLink implements KeySelector<AccountLink, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(AccountLink link) {
            return of(link.app(), link.accountId());
        }
    }

    /** Keys assistant messages by account. */
    public static final class OfMessage implements KeySelector<AssistantMessage, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(AssistantMessage message) {
            return of(message.app(), message.accountId());
        }
    }

    /** Keys activity by account. */
    public static final class OfActivity implements KeySelector<ActivitySignal, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(ActivitySignal activity) {
            return of(activity.app(), activity.accountId());
        }
    }
}
