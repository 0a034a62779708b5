import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { ControlSuspensionModel } from '../identity-data/identity-lifecycle.model';
import { PolicyExceptionReferenceModel } from './policy-exception-reference.model';

@CanRead()
@Resolver(() => ControlSuspensionModel)
export class SuspensionExceptionResolver {
  /** A reference only: exceptions resolves it, all of a page's suspensions in one query. */
  @ResolveField(() => PolicyExceptionReferenceModel, {
    nullable: true,
    description: 'The approved exception that suspends the control (the same as exceptionId); null if exceptions cannot answer.',
  })
  exception(@Parent() suspension: ControlSuspensionModel): PolicyExceptionReferenceModel {
    return { id: suspension.exceptionId };
  }
}
