import { describe, expect, it } from 'vitest';
import { orderSchema } from '../data/order';
import { flowGraphSchema } from '../graph/schema';
import { describedComponent, flowGraphComponent, orderComponent } from './components';

describe('API components', () => {
  it('names copies: the data schemas the validator and simulator use stay unnamed', () => {
    expect(flowGraphComponent.meta()).toEqual({ id: 'FlowGraph', title: 'Flow graph' });
    expect(flowGraphSchema.meta()).toEqual({ title: 'Flow graph' });
    expect(orderSchema.meta()).toEqual({ title: 'Order' });
  });

  it('describes a field holding a component and keeps its name', () => {
    const field = describedComponent(orderComponent, "Defaults to the run's own order");
    expect(field.meta()).toEqual({ id: 'Order', title: 'Order', description: "Defaults to the run's own order" });
    expect(orderComponent.meta()).toEqual({ id: 'Order', title: 'Order' });
    // Plain .meta() on the component loses the id: the reason describedComponent exists.
    expect(orderComponent.meta({ description: 'x' }).meta()).toEqual({ title: 'Order', description: 'x' });
  });
});
