package io.attune.jobs;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import io.attune.jobs.events.AccountLink;
import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.EngagementSignal;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.state.AppWeight;
import io.attune.jobs.state.IdentityState;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.EmbeddedMessage;
import io.attune.jobs.stream.PersonEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every stream element and state value must be serialized by Flink's POJO serializer, never Kryo. */
class TypeSerializationTest {

    @ParameterizedTest
    @ValueSource(classes = {
        AssistantMessage.class, EngagementSignal.class, AccountLink.class, CatalogEntry.class,
        RecommendationRefresh.class, RecommendedItem.class, DeadLetter.class,
        EmbeddedMessage.class, ActivitySignal.class, CatalogItem.class, PersonEvent.class,
        ProfileState.class, LinkedAccount.class, AppWeight.class, IdentityState.class,
        io.attune.jobs.stream.SuppressionNotice.class, io.attune.jobs.events.SuppressionCount.class,
        io.attune.models.profile.Centroid.class, io.attune.models.ranking.NeighborTable.class,
        io.attune.jobs.stream.ItemPair.class, io.attune.jobs.stream.ItemSignals.class,
        io.attune.jobs.stream.CatalogUpdate.class, io.attune.jobs.state.RecentLikes.class,
        io.attune.jobs.events.ErasureRequest.class, io.attune.jobs.events.ErasureReceipt.class,
        io.attune.jobs.inspect.KeyedStateEntry.class, io.attune.jobs.inspect.StateTally.class,
        io.attune.jobs.inspect.CatalogTally.class, io.attune.jobs.state.ItemPublication.class,
        io.attune.jobs.stream.EmbeddedCatalogEntry.class, io.attune.jobs.state.ItemSignalPack.class,
        io.attune.jobs.stream.RawRecord.class, io.attune.jobs.state.MessageObjections.class,
    })
    void isSerializedAsPojoWithoutKryo(Class<?> type) {
        assertSerializedAsPojoWithoutKryo(type);
    }
}
