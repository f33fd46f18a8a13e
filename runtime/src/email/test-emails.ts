import type { Order } from '@nudgeflow/shared';
import type { EmailTemplate } from './render-email';

/**
 * An order confirmation with a product table over the order's items (image, name, quantity,
 * price), a link to the shop and the unsubscribe and "view in browser" links: the email the
 * channel tests, the integration test and the benchmark send.
 */
export const orderEmail: EmailTemplate = {
  subject: 'Order {{ order.number }}: thank you, {{ contact.firstName }}',
  preheader: '{{ items.size }} items on their way',
  mjml: `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text><a href="{{ links.viewInBrowser }}">View in browser</a></mj-text>
        <mj-text>Hi {{ contact.firstName }}, thank you for order {{ order.number }}.</mj-text>
        <mj-table>
          <tr><th></th><th>Item</th><th>Qty</th><th>Price</th></tr>
          {% for item in items %}
          <tr>
            <td><img src="{{ item.imageUrl }}" alt="" width="48" /></td>
            <td>{{ item.name }}</td>
            <td>{{ item.quantity }}</td>
            <td>{{ item.price }} {{ order.currency }}</td>
          </tr>
          {% endfor %}
        </mj-table>
        <mj-text>Total: {{ order.total }} {{ order.currency }}</mj-text>
        <mj-button href="https://shop.example.com/orders/{{ order.id }}?utm_source=email&amp;utm_medium=flow">Your order</mj-button>
        <mj-text>Questions? <a href="mailto:help@shop.example.com">Write to us</a>. <a href="{{ links.unsubscribe }}">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`,
};

/** Two items, so that the table's loop shows. */
export const twoItemOrder: Order = {
  id: 'o-1042',
  number: '2025-1042',
  total: 548,
  currency: 'CZK',
  items: [
    { sku: 'TEA-1', name: 'Sencha', quantity: 2, price: 149, imageUrl: 'https://shop.example.com/img/sencha.jpg' },
    { sku: 'CUP-1', name: 'Cup & saucer', quantity: 1, price: 250, imageUrl: 'https://shop.example.com/img/cup.jpg' },
  ],
};
