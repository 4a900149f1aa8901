"""What a plan says: checks, evaluation, money, impact, stakeholders, portfolios,
and the difference between two plans.
"""
