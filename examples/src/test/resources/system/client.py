"""client: asks the inventory directly and the order service for an order, prints both answers.

Usage: client.py INVENTORY_PORT ORDERS_PORT ITEM.
"""

import sys
import urllib.request

inventory, orders, item = sys.argv[1], sys.argv[2], sys.argv[3]
with urllib.request.urlopen(f"http://127.0.0.1:{inventory}/", timeout=5) as r:
    print("inventory says", r.read().decode().strip())
with urllib.request.urlopen(f"http://127.0.0.1:{orders}/order?item={item}", timeout=5) as r:
    print("orders say", r.read().decode().strip())
