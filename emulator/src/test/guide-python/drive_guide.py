"""Runs the guide's Python functions (guide_billing.py, unchanged) against an emulator, as an agent
following the guide would, and prints what it saw as one JSON line (the last line of its output) for
GuidePythonFunctionsIT to check.

    python3 drive_guide.py <emulator root URL> <bearer token>

The guide hard-codes https://modelslab.com (its BASE) and https://api.stripe.com (in
create_payment_method): both are pointed at the emulator, which serves the API and the fake Stripe on one
port, when guide_billing.py is loaded. That is the only change made to the guide's code. A person who
receives a payment link is played by this script through the emulator's control API (/_emulator), as a
person paying the hosted Checkout page would.
"""
import datetime
import io
import json
import re
import sys
import threading
import time
import types

import requests

ROOT, TOKEN = sys.argv[1].rstrip("/"), sys.argv[2]
CONTROL = ROOT + "/_emulator"
YEAR = datetime.date.today().year + 2
seen = {}


def load_guide():
    with open(__file__.rsplit("/", 1)[0] + "/guide_billing.py", encoding="utf-8") as f:
        source = f.read()
    for live in ('"https://modelslab.com/', '"https://api.stripe.com/'):
        if source.count(live) != 1:
            raise SystemExit(f"expected {live} once in the guide's code, found it {source.count(live)} times")
        source = source.replace(live, '"' + ROOT + "/")
    guide = types.ModuleType("guide_billing")
    exec(compile(source, "guide_billing.py", "exec"), guide.__dict__)
    return guide


def pay_checkout(session_id, card="pm_card_visa"):
    """A person paying the hosted Checkout page with a card."""
    answer = requests.post(f"{CONTROL}/checkout/sessions/{session_id}/pay", json={"payment_method": card})
    return answer.json()["data"]


class PersonReadingTheAgent(io.TextIOBase):
    """Reads what the agent prints; pays the Checkout link it forwards, a moment later."""

    def __init__(self, out):
        self.out, self.paid = out, []

    def write(self, text):
        link = re.search(r"Please fund your wallet at: \S*/checkout/(cs_[A-Za-z0-9_]+)", text)
        if link:
            session = link.group(1)
            threading.Timer(1.5, lambda: self.paid.append(pay_checkout(session))).start()
        return self.out.write(text)


def card_ids(cards):
    return sorted(card["id"] for card in cards)


guide = load_guide()
token = TOKEN

# The guide's "Headless Card Tokenization" set-up, quoted from its usage code (run here, with TOKEN):
#   config_resp = requests.get(f"{BASE}/billing/stripe-config", headers={"Authorization": f"Bearer {TOKEN}"})
#   STRIPE_PK = config_resp.json()["publishable_key"]
config_resp = requests.get(f"{guide.BASE}/billing/stripe-config", headers={"Authorization": f"Bearer {TOKEN}"})
guide.STRIPE_PK = config_resp.json()["publishable_key"]
seen["stripe_pk"] = guide.STRIPE_PK
seen["stripe_config_data_key"] = guide.get_stripe_config(token)["publishable_key"]

saved_before = card_ids(guide.list_payment_methods(token))
seen["balance_before"] = guide.get_wallet_balance(token)["balance"]

# Headless: tokenise with Stripe, fund with the pm_... id (the guide's "headless payment flow").
pm_id = guide.create_payment_method("4242424242424242", 12, YEAR, "123")
funded = guide.fund_wallet(token, 50, payment_method_id=pm_id, idempotency_key=f"fund-50-{int(time.time())}")
seen["headless_fund"] = {"pm_id": pm_id, "balance": funded.get("balance"),
                         "payment_status": funded.get("payment", {}).get("status"),
                         "saved_cards_unchanged": card_ids(guide.list_payment_methods(token)) == saved_before}
seen["headless_payment_status"] = guide.get_payment_status(token, funded["payment"]["payment_intent_id"])["status"]

# No card: the answer is a Checkout Session; nothing is charged.
checkout = guide.fund_wallet(token, 25)
seen["fund_without_card"] = {"keys": sorted(checkout), "balance_after": guide.get_wallet_balance(token)["balance"]}
seen["fund_without_card_checkout_url"] = checkout.get("checkout_url")

# ensure_account_funded() funds without a card and prints "Wallet funded!" whatever happened.
printed = io.StringIO()
real_stdout, sys.stdout = sys.stdout, printed
try:
    guide.ensure_account_funded(token, min_balance=1000, top_up_amount=50)
finally:
    sys.stdout = real_stdout
seen["ensure_account_funded"] = {"printed": printed.getvalue().strip().split("\n"),
                                 "balance_after": guide.get_wallet_balance(token)["balance"]}

# Human-assisted: fund_via_human() forwards a payment link and polls until a person pays it.
person = PersonReadingTheAgent(sys.stdout)
sys.stdout = person
try:
    started = time.time()
    human = guide.fund_via_human(token, 30, poll_interval=1, max_wait=15)
finally:
    sys.stdout = real_stdout
seen["fund_via_human"] = {"balance": (human or {}).get("balance"), "seconds": round(time.time() - started, 1),
                          "person_paid": [p.get("status") for p in person.paid]}

# Subscriptions: create_subscription() "Returns a Stripe checkout URL"; a person pays it; the agent confirms.
plans = guide.list_plans(token)["subscription_plans"]
seen["plans"] = [plan["id"] for plan in plans]
created = guide.create_subscription(token, plans[0]["id"])
seen["create_subscription"] = {"checkout_url": created.get("checkout_url"), "status": created.get("status"),
                               "subscriptions_before_paying": len(guide.list_subscriptions(token))}
paid = pay_checkout(created["session_id"])
confirmed = guide.confirm_subscription_checkout(token, created["session_id"])
seen["confirm_subscription_checkout"] = {"paid": paid["status"], "status": confirmed.get("status")}

# Headless subscription with a freshly tokenised card: the card is saved, as Stripe requires.
sub_pm = guide.create_payment_method("5555555555554444", 12, YEAR, "123")
headless = guide.create_subscription_headless(token, plans[1]["id"], sub_pm)
seen["create_subscription_headless"] = {"status": headless.get("status"),
                                        "card_saved": sub_pm in card_ids(guide.list_payment_methods(token))}

# A declined card, handled as the guide's "Check for errors" snippet does it (quoted, run unchanged):
#   result = fund_wallet(token, 50, payment_method_id=pm_id)
#   if result.get("error"):
#       if result["error"]["code"] == "payment_declined":
#           print(f"Card declined: {result['error']['details']['decline_code']}")
pm_id = guide.create_payment_method("4000000000000002", 12, YEAR, "123")
try:
    result = guide.fund_wallet(token, 50, payment_method_id=pm_id)
    if result.get("error"):
        if result["error"]["code"] == "payment_declined":
            print(f"Card declined: {result['error']['details']['decline_code']}")
    seen["decline_snippet"] = {"raised": None}
except Exception as e:  # the snippet reads "error" on data, which the documented envelope sets to null
    seen["decline_snippet"] = {"raised": f"{type(e).__name__}: {e}"}
raw = requests.post(f"{guide.BASE}/wallet/fund", headers=guide.headers(token),
                    json={"amount": 50, "payment_method_id": guide.create_payment_method("4000000000000002", 12, YEAR, "123")})
seen["decline_answer"] = {"status": raw.status_code, "data": raw.json()["data"], "error": raw.json()["error"]}

# A card that needs 3D Secure: the documented 202 and message; the payment waits.
three_ds = guide.fund_wallet(token, 20, payment_method_id=guide.create_payment_method("4000000000003220", 12, YEAR, "123"))
seen["three_d_secure"] = {"message": three_ds.get("message"), "payment": three_ds.get("payment"),
                          "status": guide.get_payment_status(token, three_ds["payment"]["payment_intent_id"])["status"]}

seen["saved_cards_added"] = len(set(card_ids(guide.list_payment_methods(token))) - set(saved_before))
seen["balance_after"] = guide.get_wallet_balance(token)["balance"]
print(json.dumps(seen))
