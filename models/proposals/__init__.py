"""Proposals from producers: workflow, scripts, character mapping and consent checks.

service = ProposalService(db)
p = service.create(ProposalDraft(...))
script = service.attach_script(p.id, Path("ep1.fountain"))
service.map_character(script.id, "LIN XIAO", artist_id)
run = service.run_check(p.id)        # findings, BLOCK first; service.diff(run.id)
"""
