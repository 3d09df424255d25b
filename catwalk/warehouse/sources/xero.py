"""Xero, the accounting ledger (Singer tap-xero, schema tap_xero, full-table sync twice a day).

Tap tables: accounts, invoices (+ invoices__lineitems), bank_transactions (+ __lineitems),
manual_journals (+ __journallines), payments. Stream "xero". Reads the finance sheet
(sources/finance: the month's revenue of each client account) and the budget-category seed
(seeds/data_xero_account_budget_categories.csv: its account names are the expense accounts).

From 2024-01-01 to the end of the world, per month:
- supplier bills (ACCPAY, 1-3 lines, ~30 suppliers) on non-payroll expense accounts, including a
  rent bill; one client invoice (ACCREC) per account with revenue in the finance sheet (TeleHealth
  and Mental Health lines, contact = the Salesforce account name);
- bank transactions: card expenses (SPEND) on software, travel and meals accounts, a few RECEIVE
  refunds, a transfer pair (SPEND-TRANSFER / RECEIVE-TRANSFER);
- a payroll journal (debits on every salary, DAS and group-insurance account, one credit on
  Payroll Liabilities; NoTax) and 1-2 accrual journals;
- one payment per paid invoice on a bank account, ~10 % in two parts.
Statuses: invoices 85 % PAID, 8 % AUTHORISED, 3 % VOIDED, 2 % DELETED, 2 % DRAFT; bank
transactions 97 % AUTHORISED; journals 95 % POSTED; payments 97 % AUTHORISED. Line amount types
Exclusive 80 %, Inclusive 15 %, NoTax 5 %; tax 14.975 % (QC) or 13 % (ON). A paid invoice has two
versions (AUTHORISED when issued, PAID when its last payment is made). Documents are synced at the
next tap sync after they change (`_sdc_batched_at`).
"""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd

from catwalk.warehouse.seeds import SEEDS
from catwalk.warehouse.world import (
    DAY, HOUR, RawTable, WorldState, choice, mix64, replica_time, state_table, to_us, ts_col,
    ts_col_or_null,
)

FIRST_DAY = to_us("2024-01-01")
VOLUMES = {"tiny": (12, 8), "demo": (80, 40), "bench": (120, 60)}  # bills, bank txns per month
TAX = {"QC": 0.14975, "ON": 0.13}
OTHER_EXPENSES = ["Health Platform - Hosting", "MH Cost", "Physical Clinic - Rent",
                  "HR - Recruiting", "Partnerships - Commissions"]
SYSTEM_ACCOUNTS = [("4000", "Telehealth Revenue", "REVENUE", "REVENUE"),
                   ("4010", "Mental Health Revenue", "REVENUE", "REVENUE"),
                   ("1000", "RBC Operating CAD", "BANK", "ASSET"),
                   ("1010", "AMEX Corporate", "BANK", "ASSET"),
                   ("2100", "Payroll Liabilities", "CURRLIAB", "LIABILITY"),
                   ("2110", "Accrued Liabilities", "CURRLIAB", "LIABILITY"),
                   ("2200", "Sales Tax Payable", "CURRLIAB", "LIABILITY")]
SALARY_BASE = {"Product & Tech": 220_000, "Sales & Partnerships": 80_000,
               "Health team medical operations": 70_000, "G&A": 60_000,
               "Customer Success": 40_000, "Marketing": 30_000,
               "Health team - Medical director": 20_000, "Health Team - Medical Director": 20_000,
               "G&A - Talent": 12_000}
SUPPLIERS = ["Amazon Web Services", "Google Cloud", "Bell Canada", "Staples", "Regus", "Deloitte",
             "Fasken", "Salesforce", "Slack", "Atlassian", "Zoom", "Air Canada", "Via Rail",
             "Uber", "Tim Hortons", "Indeed", "LinkedIn", "HubSpot", "Twilio", "Datadog",
             "KPMG", "Sun Life", "Desjardins", "Hydro-Quebec", "Metro", "WeWork", "Docusign",
             "Lucidchart", "Zendesk", "Intercom"]


def simulate(world: WorldState) -> dict[str, RawTable]:
    rng = world.stream("xero")
    chart = _chart()
    months = pd.date_range(pd.Timestamp(FIRST_DAY, unit="us"),
                           pd.Timestamp(world.world_end, unit="us"), freq="MS")
    months = [to_us(m) for m in months]
    docs = dict(invoices=[], lines=[], bank=[], bank_lines=[], journals=[], journal_lines=[])
    for month in months:
        _bills(world, rng, chart, month, docs)
        _bank(world, rng, chart, month, docs)
        _journals(world, rng, chart, month, docs)
    _client_invoices(world, rng, chart, docs)
    return _tables(world, rng, chart, docs)


def guid(values, salt: int) -> list[str]:
    """Deterministic GUID-like ids (8-4-4-4-12 hex digits) of integers."""
    high, low = mix64(np.asarray(values), salt), mix64(np.asarray(values), salt + 1)
    out = []
    for h, lo in zip(high, low):
        s = f"{int(h):016x}{int(lo):016x}"
        out.append(f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:32]}")
    return out


def _chart() -> pd.DataFrame:
    """The chart of accounts: the seed's account names and the other expense groups (EXPENSE,
    codes from 5000), revenue, bank and liability accounts."""
    with open(SEEDS / "data_xero_account_budget_categories.csv", newline="") as handle:
        names = sorted(row["xero_account_name"] for row in csv.DictReader(handle))
    names += OTHER_EXPENSES
    rows = [(str(5000 + 20 * i), name, "EXPENSE", "EXPENSE") for i, name in enumerate(names)]
    chart = pd.DataFrame(rows + SYSTEM_ACCOUNTS, columns=["code", "name", "type", "class"])
    chart["accountid"] = guid(np.arange(len(chart)), 11)
    payroll = chart.name.str.contains("Salar|DAS|Group Insurance|Talent Team Salary")
    chart["payroll"] = payroll & (chart.type == "EXPENSE")
    chart["card"] = chart.name.str.contains("SAAS|Travel|M&E|Software") & ~chart.payroll
    return chart.set_index("code", drop=False)


def _tax(rng, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(line amount type, tax rate) of n documents."""
    kind = choice(rng, ["Exclusive", "Inclusive", "NoTax"], [80, 15, 5], n)
    rate = np.where(kind == "NoTax", 0.0, np.where(rng.random(n) < 0.6, TAX["QC"], TAX["ON"]))
    return kind, rate


def _line(rng, account: str, amount: float, kind: str, rate: float, description: str) -> dict:
    """A line: `lineamount` as entered (tax included when Inclusive), its tax."""
    tax = round(amount * rate / (1 + rate) if kind == "Inclusive" else amount * rate, 2)
    return dict(accountcode=account, lineamount=round(amount, 2), taxamount=tax,
                description=description, quantity=1.0, unitamount=round(amount, 2),
                taxtype="NONE" if kind == "NoTax" else "INPUT")


def _bills(world: WorldState, rng, chart: pd.DataFrame, month: int, docs: dict) -> None:
    """Supplier bills of a month (one rent bill, the rest on random non-payroll accounts)."""
    n = int(VOLUMES[world.scale][0] * rng.uniform(0.8, 1.2))
    expense = chart[(chart.type == "EXPENSE") & ~chart.payroll].code.to_numpy()
    kinds, rates = _tax(rng, n)
    for i in range(n):
        supplier = SUPPLIERS[int(rng.integers(0, len(SUPPLIERS)))]
        accounts = rng.choice(expense, int(rng.integers(1, 4)), replace=False)
        amounts = np.round(rng.lognormal(7.3, 1.0, len(accounts)), 2)
        if i == 0:  # the office rent
            supplier, amounts = "Regus", [25_000.0]
            accounts = chart.code[chart.name == "G&A - Rent"].to_numpy()
        day = month + int(rng.integers(0, 28)) * DAY
        lines = [_line(rng, a, float(x), kinds[i], rates[i], f"{supplier} - {chart.name[a]}")
                 for a, x in zip(accounts, amounts)]
        _invoice(docs, "ACCPAY", supplier, day, kinds[i], lines)


def _invoice(docs: dict, kind: str, contact: str, day: int, amount_type: str,
             lines: list[dict]) -> None:
    number = len(docs["invoices"])
    subtotal = sum(x["lineamount"] - (x["taxamount"] if amount_type == "Inclusive" else 0)
                   for x in lines)
    tax = sum(x["taxamount"] for x in lines)
    docs["invoices"].append(dict(n=number, type=kind, contact__name=contact, date=day,
                                 lineamounttypes=amount_type, subtotal=round(subtotal, 2),
                                 totaltax=round(tax, 2), total=round(subtotal + tax, 2)))
    docs["lines"] += [dict(x, doc=number) for x in lines]


def _bank(world: WorldState, rng, chart: pd.DataFrame, month: int, docs: dict) -> None:
    """Card expenses, a few refunds and a transfer pair of a month."""
    n = int(VOLUMES[world.scale][1] * rng.uniform(0.8, 1.2))
    card = chart.code[chart.card].to_numpy()
    kinds, rates = _tax(rng, n + 2)
    types = choice(rng, ["SPEND", "RECEIVE"], [92, 8], n).tolist() + ["SPEND-TRANSFER",
                                                                       "RECEIVE-TRANSFER"]
    for i, kind in enumerate(types):
        transfer = kind.endswith("TRANSFER")
        account = "1000" if transfer else card[int(rng.integers(0, len(card)))]
        amount = 50_000.0 if transfer else float(np.round(rng.lognormal(5.5, 0.9), 2))
        amount_type, rate = ("NoTax", 0.0) if transfer else (kinds[i], rates[i])
        number = len(docs["bank"])
        line = _line(rng, account, amount, amount_type, rate, f"{kind.title()} {number}")
        docs["bank"].append(dict(n=number, type=kind, date=month + int(rng.integers(0, 28)) * DAY,
                                 lineamounttypes=amount_type,
                                 bank="1000" if kind == "RECEIVE-TRANSFER" or not transfer and
                                 kind == "RECEIVE" else "1010",
                                 contact=SUPPLIERS[int(rng.integers(0, len(SUPPLIERS)))],
                                 total=line["lineamount"] + (line["taxamount"] if amount_type ==
                                                             "Exclusive" else 0),
                                 totaltax=line["taxamount"]))
        docs["bank_lines"].append(dict(line, doc=number))


def _journals(world: WorldState, rng, chart: pd.DataFrame, month: int, docs: dict) -> None:
    """The month's payroll journal and 1-2 accrual journals (debits positive, credits negative)."""
    payroll = chart[chart.payroll]
    lines = []
    for code, name in zip(payroll.code, payroll.name):
        base = next((v for k, v in sorted(SALARY_BASE.items(), key=lambda kv: -len(kv[0]))
                     if name.startswith(k)), 20_000)
        share = 1.0 if "Salar" in name else (0.15 if "DAS" in name else 0.06)
        lines.append((code, round(base * share * float(rng.uniform(0.85, 1.15)), 2)))
    credit = -round(sum(x for _, x in lines), 2)
    _journal(docs, month + 27 * DAY, "Payroll", lines + [("2100", credit)], rng)
    expense = chart[(chart.type == "EXPENSE") & ~chart.payroll].code.to_numpy()
    for _ in range(int(rng.integers(1, 3))):
        amount = round(float(rng.uniform(1_000, 15_000)), 2)
        code = expense[int(rng.integers(0, len(expense)))]
        _journal(docs, month + 27 * DAY, "Accrual", [(code, amount), ("2110", -amount)], rng)


def _journal(docs: dict, day: int, narration: str, lines: list, rng) -> None:
    number = len(docs["journals"])
    docs["journals"].append(dict(n=number, date=day, narration=f"{narration} {number}",
                                 status="VOIDED" if rng.random() < 0.05 else "POSTED"))
    docs["journal_lines"] += [dict(doc=number, accountcode=code, lineamount=amount, taxamount=0.0,
                                   taxtype="NONE", description=narration, isblank=False)
                              for code, amount in lines]


def _client_invoices(world: WorldState, rng, chart: pd.DataFrame, docs: dict) -> None:
    """One client invoice per account-month with revenue in the finance sheet, issued on the 1st
    of the next month."""
    sheet = world.tables["finance_sheets.adjusted_revenue_monthly"].df
    month_sum = sheet.groupby(["account_id", "account_name", "date_month", "revenue_type"],
                              as_index=False).amount.sum()
    month_sum = month_sum[month_sum.amount > 0]
    for (account, name, month), part in month_sum.groupby(
            ["account_id", "account_name", "date_month"], sort=True):
        day = to_us(pd.Timestamp(month) + pd.offsets.MonthBegin(1))
        rate = TAX["QC"] if rng.random() < 0.6 else TAX["ON"]
        lines = [_line(rng, "4000" if r.revenue_type == "TeleHealth" else "4010", r.amount,
                       "Exclusive", rate, f"{name} - {r.revenue_type} {month:%B %Y}")
                 for r in part.itertuples(index=False)]
        _invoice(docs, "ACCREC", name, day, "Exclusive", lines)


def _tables(world: WorldState, rng, chart: pd.DataFrame, docs: dict) -> dict[str, RawTable]:
    tables = {"tap_xero.accounts": _accounts_table(chart)}
    tables.update(_invoice_tables(world, rng, chart, docs))
    tables.update(_bank_tables(world, rng, chart, docs))
    tables.update(_journal_tables(world, rng, chart, docs))
    return tables


def _tap(name: str, df: pd.DataFrame, key: tuple, at: np.ndarray,
         world: WorldState) -> RawTable:
    """A tap table: rows synced at `at` (`_sdc_batched_at`), those after the world dropped."""
    at = np.asarray(at, np.int64)
    keep = at < world.world_end
    df = df[keep].reset_index(drop=True)
    df["_sdc_batched_at"] = ts_col(at[keep])
    return state_table(name, df, key, at[keep])


def _accounts_table(chart: pd.DataFrame) -> RawTable:
    bank = chart.type == "BANK"
    df = pd.DataFrame(dict(
        accountid=chart.accountid.to_numpy(), code=chart.code.to_numpy(),
        name=chart.name.to_numpy(), type=chart.type.to_numpy(), _class=chart["class"].to_numpy(),
        status="ACTIVE", taxtype=np.select([chart.type == "EXPENSE", chart.type == "REVENUE"],
                                           ["INPUT", "OUTPUT"], "NONE"),
        description=None, currencycode=np.where(bank, "CAD", None),
        bankaccountnumber=np.where(bank, "00000-" + chart.code, None),
        bankaccounttype=np.where(bank, "BANK", None), enablepaymentstoaccount=False,
        showinexpenseclaims=chart.card.to_numpy(), hasattachments=False,
        updateddateutc=ts_col(np.full(len(chart), FIRST_DAY - 30 * DAY)))).rename(
        columns={"_class": "class"})
    at = np.full(len(df), FIRST_DAY + 5 * HOUR + 30 * 60_000_000)
    df["_sdc_batched_at"] = ts_col(at)
    return state_table("tap_xero.accounts", df, ("accountid",), at)


def _statuses(world: WorldState, rng, invoices: pd.DataFrame) -> pd.DataFrame:
    """Status, payment dates (one or two parts) and amounts of each invoice."""
    n = len(invoices)
    status = choice(rng, ["PAID", "AUTHORISED", "VOIDED", "DELETED", "DRAFT"],
                    [85, 8, 3, 2, 2], n)
    paid = invoices.date.to_numpy() + rng.integers(5, 46, n) * DAY + 14 * HOUR
    status = np.where((status == "PAID") & (paid >= world.world_end), "AUTHORISED", status)
    two = rng.random(n) < 0.1
    first = np.where(two, invoices.date.to_numpy() + (paid - invoices.date.to_numpy()) // 2, paid)
    invoices = invoices.assign(status=status, paid_at=paid, first_paid_at=first, two_parts=two)
    invoices["amountpaid"] = np.where(status == "PAID", invoices.total, 0.0)
    invoices["amountdue"] = np.where(status == "PAID", 0.0, invoices.total)
    return invoices


def _invoice_frame(invoices: pd.DataFrame, paid_version: bool) -> pd.DataFrame:
    """Invoice rows: as issued (AUTHORISED unless voided, deleted or draft) or as paid."""
    status = invoices.status.where(paid_version | (invoices.status != "PAID"), "AUTHORISED")
    paid = status == "PAID"
    return pd.DataFrame(dict(
        invoiceid=invoices.invoiceid, type=invoices.type, status=status,
        invoicenumber=invoices.invoicenumber, reference=invoices.reference,
        contact__contactid=invoices.contactid, contact__name=invoices.contact__name,
        contact__contactstatus="ACTIVE", contact__iscustomer=invoices.type == "ACCREC",
        contact__issupplier=invoices.type == "ACCPAY", date=ts_col(invoices.date),
        datestring=pd.to_datetime(invoices.date, unit="us").dt.strftime("%Y-%m-%dT00:00:00"),
        duedate=ts_col(invoices.date + 30 * DAY), lineamounttypes=invoices.lineamounttypes,
        subtotal=invoices.subtotal, totaltax=invoices.totaltax, total=invoices.total,
        amountdue=np.where(paid, 0.0, invoices.total), amountpaid=np.where(paid, invoices.total,
                                                                            0.0),
        amountcredited=0.0, currencycode="CAD", currencyrate=1.0,
        fullypaidondate=ts_col_or_null(invoices.paid_at // DAY * DAY, ~paid),
        updateddateutc=ts_col(np.where(paid_version, invoices.paid_at, invoices.issued_at)),
        hasattachments=False, haserrors=False, isdiscounted=False, senttocontact=True))


def _invoice_tables(world: WorldState, rng, chart: pd.DataFrame,
                    docs: dict) -> dict[str, RawTable]:
    invoices = pd.DataFrame(docs["invoices"])
    n = len(invoices)
    invoices["invoiceid"] = guid(invoices.n, 21)
    invoices["contactid"] = contact_ids(invoices.contact__name)
    invoices["invoicenumber"] = np.where(invoices.type == "ACCREC",
                                         [f"INV-{i:05d}" for i in invoices.n], None)
    invoices["reference"] = np.where(invoices.type == "ACCPAY",
                                     [f"BILL-{i:05d}" for i in invoices.n], None)
    invoices["issued_at"] = invoices.date + rng.integers(0, 3, n) * DAY + 15 * HOUR
    invoices = _statuses(world, rng, invoices)
    issued = _invoice_frame(invoices, False)
    paid_rows = invoices.status.to_numpy() == "PAID"
    versions = pd.concat([issued, _invoice_frame(invoices[paid_rows], True)], ignore_index=True)
    at = replica_time(np.r_[invoices.issued_at.to_numpy(),
                            invoices.paid_at.to_numpy()[paid_rows]], rng)
    lines = pd.DataFrame(docs["lines"])
    lines["_sdc_source_key_invoiceid"] = invoices.invoiceid.to_numpy()[lines.doc]
    lines["lineitemid"] = guid(np.arange(len(lines)), 23)
    line_at = replica_time(invoices.issued_at.to_numpy()[lines.doc], rng)
    return {
        "tap_xero.invoices": _tap("tap_xero.invoices", versions, ("invoiceid",), at, world),
        "tap_xero.invoices__lineitems": _tap("tap_xero.invoices__lineitems",
                                             lines.drop(columns="doc"), ("lineitemid",), line_at,
                                             world),
        "tap_xero.payments": _payments(world, rng, chart, invoices[paid_rows]),
    }


def contact_ids(names: pd.Series) -> list[str]:
    """The contact id of each contact name (one id per distinct name)."""
    index = {name: i for i, name in enumerate(sorted(set(names)))}
    return guid([index[name] for name in names], 22)


def _payments(world: WorldState, rng, chart: pd.DataFrame, paid: pd.DataFrame) -> RawTable:
    """One payment per paid invoice (two for ~10 %), on a bank account, with the invoice
    flattened into `invoice__*`."""
    paid = paid.reset_index(drop=True)
    parts = np.where(paid.two_parts, 2, 1)
    inv = np.repeat(np.arange(len(paid)), parts)
    second = np.r_[0, (inv[1:] == inv[:-1]).astype(int)]
    total = paid.total.to_numpy()[inv]
    half = np.round(total / 2, 2)
    amount = np.where(parts[inv] == 1, total, np.where(second == 1, total - half, half))
    when = np.where((parts[inv] == 2) & (second == 0), paid.first_paid_at.to_numpy()[inv],
                    paid.paid_at.to_numpy()[inv])
    receivable = paid.type.to_numpy()[inv] == "ACCREC"
    bank = np.where(receivable | (rng.random(len(inv)) < 0.5), "1000", "1010")
    df = pd.DataFrame(dict(
        paymentid=guid(np.arange(len(inv)), 31),
        paymenttype=np.where(receivable, "ACCRECPAYMENT", "ACCPAYPAYMENT"),
        status=choice(rng, ["AUTHORISED", "DELETED"], [97, 3], len(inv)),
        date=ts_col(when // DAY * DAY), amount=amount, bankamount=amount, currencyrate=1.0,
        isreconciled=rng.random(len(inv)) < 0.9, hasaccount=True, hasvalidationerrors=False,
        reference=None, updateddateutc=ts_col(when),
        account__accountid=chart.accountid[bank].to_numpy(), account__code=bank,
        account__type="BANK", account__class="ASSET", account__status="ACTIVE",
        account__currencycode="CAD", account__bankaccounttype="BANK"))
    for column in ("invoiceid", "invoicenumber", "type", "status", "lineamounttypes", "subtotal",
                   "totaltax", "total", "reference"):
        df[f"invoice__{column}"] = paid[column].to_numpy()[inv]
    df["invoice__currencycode"], df["invoice__currencyrate"] = "CAD", 1.0
    df["invoice__status"] = "PAID"
    df["invoice__date"] = ts_col(paid.date.to_numpy()[inv])
    df["invoice__contact__contactid"] = paid.contactid.to_numpy()[inv]
    df["invoice__contact__name"] = paid.contact__name.to_numpy()[inv]
    df["invoice__amountpaid"] = df.invoice__total
    df["invoice__amountdue"] = 0.0
    return _tap("tap_xero.payments", df, ("paymentid",), replica_time(when, rng), world)


def _bank_tables(world: WorldState, rng, chart: pd.DataFrame, docs: dict) -> dict[str, RawTable]:
    bank = pd.DataFrame(docs["bank"])
    n = len(bank)
    bank_account = chart.loc[bank.bank.to_numpy()]
    df = pd.DataFrame(dict(
        banktransactionid=guid(bank.n, 41), type=bank.type,
        status=choice(rng, ["AUTHORISED", "DELETED"], [97, 3], n), date=ts_col(bank.date),
        datestring=pd.to_datetime(bank.date, unit="us").dt.strftime("%Y-%m-%dT00:00:00"),
        lineamounttypes=bank.lineamounttypes, total=bank.total.round(2),
        totaltax=bank.totaltax, subtotal=(bank.total - bank.totaltax).round(2),
        isreconciled=rng.random(n) < 0.9, currencycode="CAD", currencyrate=1.0,
        reference=None, hasattachments=False,
        updateddateutc=ts_col(bank.date.to_numpy() + 16 * HOUR),
        contact__contactid=contact_ids(bank.contact), contact__name=bank.contact,
        bankaccount__accountid=bank_account.accountid.to_numpy(),
        bankaccount__code=bank_account.code.to_numpy(),
        bankaccount__name=bank_account.name.to_numpy(), bankaccount__type="BANK",
        bankaccount__class="ASSET", bankaccount__status="ACTIVE",
        bankaccount__currencycode="CAD", bankaccount__bankaccounttype="BANK"))
    at = replica_time(bank.date.to_numpy() + 16 * HOUR, rng)
    lines = pd.DataFrame(docs["bank_lines"])
    lines["_sdc_source_key_banktransactionid"] = df.banktransactionid.to_numpy()[lines.doc]
    lines["lineitemid"] = guid(np.arange(len(lines)), 42)
    return {
        "tap_xero.bank_transactions": _tap("tap_xero.bank_transactions", df,
                                           ("banktransactionid",), at, world),
        "tap_xero.bank_transactions__lineitems": _tap(
            "tap_xero.bank_transactions__lineitems", lines.drop(columns="doc"), ("lineitemid",),
            at[lines.doc.to_numpy()], world),
    }


def _journal_tables(world: WorldState, rng, chart: pd.DataFrame,
                    docs: dict) -> dict[str, RawTable]:
    journals = pd.DataFrame(docs["journals"])
    df = pd.DataFrame(dict(
        manualjournalid=guid(journals.n, 51), date=ts_col(journals.date),
        status=journals.status, narration=journals.narration, lineamounttypes="NoTax",
        showoncashbasisreports=True, hasattachments=False,
        updateddateutc=ts_col(journals.date.to_numpy() + 18 * HOUR)))
    at = replica_time(journals.date.to_numpy() + 18 * HOUR, rng)
    lines = pd.DataFrame(docs["journal_lines"])
    lines["_sdc_source_key_manualjournalid"] = df.manualjournalid.to_numpy()[lines.doc]
    lines["accountid"] = chart.accountid[lines.accountcode].to_numpy()
    return {
        "tap_xero.manual_journals": _tap("tap_xero.manual_journals", df, ("manualjournalid",),
                                         at, world),
        "tap_xero.manual_journals__journallines": _tap(
            "tap_xero.manual_journals__journallines", lines.drop(columns="doc"),
            ("_sdc_source_key_manualjournalid", "accountcode"), at[lines.doc.to_numpy()], world),
    }
