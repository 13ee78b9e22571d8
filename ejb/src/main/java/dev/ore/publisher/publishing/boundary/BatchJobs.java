package dev.ore.publisher.publishing.boundary;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Function;

/**
 * The one component that calls the batch runtime: every start, query, stop, restart and abandon
 * of a job execution runs inside this bean. Payara's batch runtime (JBatch) tags each execution
 * with the component that started it and shows it only to that component, so the admin API could
 * not see or stop what the publishing timer started; WildFly's JBeret has no such rule. One
 * component for all calls gives the same behaviour on both.
 *
 * <p>It neither starts nor needs a transaction of its own ({@code SUPPORTS}: callers keep theirs).
 * The batch runtime's exceptions reach callers unwrapped: {@code META-INF/ejb-jar.xml} declares
 * them application exceptions that roll nothing back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class BatchJobs {

    public <T> T call(Function<JobOperator, T> operation) {
        return operation.apply(BatchRuntime.getJobOperator());
    }
}
