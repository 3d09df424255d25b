"""Salesforce opportunity columns: the detailed opportunity's columns, listed once.

The opportunity models downstream of salesforce_opportunities_detailed (the direct-sales view, the
monthly and today's pipeline, the cohorts, the launch-plan mart) carry the detailed opportunity's
columns unchanged. They are named, typed and described here once:

    @salesforce_opportunity_columns()
        -> opportunity_id, opportunity_name, ...                    (an import CTE's select list)
    @salesforce_opportunity_columns(opportunities)
        -> opportunities.opportunity_id::TEXT AS opportunity_id /* Salesforce opportunity id */, ...
    @salesforce_opportunity_columns(opportunities, exclude := (owner_name, sdr_name))
        -> the same without the listed columns (e.g. person names kept out of a Tableau mart)

The typed form casts each column to its type and carries its description as the trailing comment
(SQLMesh turns it into the column description; person names keep their [PII] marker).
"""

from __future__ import annotations

from sqlglot import exp

from sqlmesh import macro

# (name, type, description), in the order of salesforce_opportunities_detailed
OPPORTUNITY_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ('opportunity_id', 'TEXT', 'Salesforce opportunity id'),
    ('opportunity_name', 'TEXT', 'Opportunity name ("<client> - <product>")'),
    ('channel', 'TEXT', 'Sales channel: Direct or Partner'),
    ('partner_influence', 'TEXT', 'How much a partner influenced the deal (N/A when not set)'),
    ('partner_type', 'TEXT', 'Kind of partner: Broker, Advisor, Carrier'),
    ('partner_id', 'TEXT', 'Partner account of the deal'),
    ('partner_individual_id', 'TEXT', 'Partner contact of the deal'),
    ('lead_source', 'TEXT', 'Lead source of the deal'),
    ('revenue_type', 'TEXT', 'New or Upsell (N/A when not set)'),
    ('stage_name', 'TEXT', 'Current stage of the deal'),
    ('close_date', 'TIMESTAMPTZ', 'Close date (expected when open; midnight UTC)'),
    ('is_closed', 'BOOLEAN', 'The deal is closed (won or lost)'),
    ('is_won', 'BOOLEAN', 'The deal is won'),
    ('account_id', 'TEXT', 'Salesforce account of the deal'),
    ('owner_id', 'TEXT', 'Salesforce user who owns the deal'),
    ('billing_start_date', 'TIMESTAMPTZ', 'Planned billing start (midnight UTC)'),
    ('i_date', 'TIMESTAMPTZ', 'Planned implementation date (midnight UTC)'),
    ('launch_date', 'TIMESTAMPTZ', 'Planned launch: billing start, else implementation date'),
    ('self_signup_no_touch', 'BOOLEAN', 'The client signed up by itself, without a sales touch'),
    ('number_of_employees', 'INT', 'Employees of the client company'),
    ('amount', 'DOUBLE', 'MRR of the deal (CAD; 0 when missing)'),
    ('created_date', 'TIMESTAMPTZ', 'When the opportunity was created (UTC)'),
    ('opportunity_age', 'INT', 'Whole days from meeting_date to the run'),
    ('meeting_date', 'TIMESTAMPTZ', 'First meeting, back-filled; never null'),
    ('initiate_date', 'TIMESTAMPTZ', 'Initiate stage date, back-filled'),
    ('educate_date', 'TIMESTAMPTZ', 'Educate stage date, back-filled'),
    ('validate_date', 'TIMESTAMPTZ', 'Validate stage date, back-filled'),
    ('justify_date', 'TIMESTAMPTZ', 'Justify stage date, back-filled'),
    ('decide_date', 'TIMESTAMPTZ', 'Decide stage date, back-filled'),
    ('close_won_date', 'TIMESTAMPTZ', 'Close date of a Closed Won deal'),
    ('time_to_close_won', 'INT', 'Closed Won only: whole days from the first stage date to the close'),
    ('segment', 'TEXT', 'Company-size band: 1-39 .. 1000+, N/A'),
    ('segment_group', 'TEXT', 'Coarse company-size band: 1-99, 100-499, 500+, N/A'),
    ('probability', 'DOUBLE', 'Win probability as a fraction'),
    ('value_period', 'TEXT', 'Period of the amount: Monthly, One Time, Annual'),
    ('is_pilot', 'BOOLEAN', 'The deal is a pilot'),
    ('sdr_id', 'TEXT', 'Salesforce user (SDR) who booked the first meeting'),
    ('original_source', 'TEXT', 'Original source of the lead (N/A when not set)'),
    ('partner_involvement', 'TEXT', 'Partner involvement (N/A when not set)'),
    ('owner_name', 'TEXT', '[PII] Name of the opportunity owner'),
    ('owner_title', 'TEXT', 'Job title of the owner'),
    ('owner_province', 'TEXT', 'Province code of the owner'),
    ('owner_started_date', 'TIMESTAMPTZ', 'When the owner started in Salesforce (UTC)'),
    ('industry', 'TEXT', 'Industry of the account'),
    ('account_name', 'TEXT', 'Name of the account'),
    ('province', 'TEXT', "Account billing province code, else the owner's"),
    ('country', 'TEXT', "Account billing country code, else the owner's"),
    ('product_ids', 'TEXT', 'Product ids of the opportunity, comma-separated, ordered by product name (Virtual Care without lines)'),
    ('product_names', 'TEXT', 'Product names of the opportunity, comma-separated, ordered by name (Virtual Care without lines)'),
    ('includes_24_7', 'BOOLEAN', 'The opportunity includes 24/7'),
    ('includes_vaccination_campaign', 'BOOLEAN', 'The opportunity includes a Vaccination Campaign'),
    ('includes_mental_health', 'BOOLEAN', 'The opportunity includes Stress Management & Well-Being (mental health)'),
    ('includes_virtual_care', 'BOOLEAN', 'The opportunity includes Virtual Care (true without product lines)'),
    ('list_price_virtual_care', 'DOUBLE', 'List price on the Virtual Care line (null without one)'),
    ('list_price_24_7', 'DOUBLE', 'List price on the 24/7 line (null without one)'),
    ('list_price_vaccination_campaign', 'DOUBLE', 'List price on the Vaccination Campaign line (null without one)'),
    ('list_price_mental_health', 'DOUBLE', 'List price on the Stress Management & Well-Being line (null without one)'),
    ('unit_price_virtual_care', 'DOUBLE', 'Unit price on the Virtual Care line (null without one)'),
    ('unit_price_24_7', 'DOUBLE', 'Unit price on the 24/7 line (null without one)'),
    ('unit_price_vaccination_campaign', 'DOUBLE', 'Unit price on the Vaccination Campaign line (null without one)'),
    ('unit_price_mental_health', 'DOUBLE', 'Unit price on the Stress Management & Well-Being line (null without one)'),
    ('total_price_virtual_care', 'DOUBLE', 'Total price on the Virtual Care line (null without one)'),
    ('total_price_24_7', 'DOUBLE', 'Total price on the 24/7 line (null without one)'),
    ('total_price_vaccination_campaign', 'DOUBLE', 'Total price on the Vaccination Campaign line (null without one)'),
    ('total_price_mental_health', 'DOUBLE', 'Total price on the Stress Management & Well-Being line (null without one)'),
    ('quantity_virtual_care', 'DOUBLE', 'Quantity on the Virtual Care line (null without one)'),
    ('quantity_24_7', 'DOUBLE', 'Quantity on the 24/7 line (null without one)'),
    ('quantity_vaccination_campaign', 'DOUBLE', 'Quantity on the Vaccination Campaign line (null without one)'),
    ('quantity_mental_health', 'DOUBLE', 'Quantity on the Stress Management & Well-Being line (null without one)'),
    ('partner_contact_id', 'TEXT', 'Partner contact of the deal'),
    ('partner_contact_name', 'TEXT', '[PII] Name of the partner contact'),
    ('partner_account_id', 'TEXT', 'Partner account of the deal'),
    ('partner_name', 'TEXT', 'Name of the partner account'),
    ('commission_rate_year_1', 'DOUBLE', 'Partner commission rate in the first year, fraction'),
    ('commission_rate_year_2', 'DOUBLE', 'Partner commission rate in the second year, fraction'),
    ('is_inbound', 'BOOLEAN', "The account's source is an inbound lead source"),
    ('sdr_name', 'TEXT', '[PII] Name of the SDR'),
    ('sdr_title', 'TEXT', 'Job title of the SDR'),
)


def _names(expression: exp.Expression | None) -> set[str]:
    if expression is None:
        return set()
    items = expression.expressions if isinstance(expression, (exp.Tuple, exp.Array)) else [expression]
    return {item.name for item in items}


@macro()
def salesforce_opportunity_columns(
    evaluator, alias: exp.Expression | None = None, exclude: exp.Expression | None = None
) -> list[exp.Expression]:
    """The detailed opportunity's columns: bare names without `alias`, else typed and described."""
    excluded = _names(exclude)
    projections: list[exp.Expression] = []
    for name, type_name, description in OPPORTUNITY_COLUMNS:
        if name in excluded:
            continue
        if alias is None:
            projections.append(exp.column(name))
            continue
        column = exp.column(name, table=alias.name)
        cast = exp.Cast(this=column, to=exp.DataType.build(type_name))
        projection = exp.alias_(cast, name)
        projection.comments = [description]
        projections.append(projection)
    return projections
