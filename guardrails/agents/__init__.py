"""Human agents: handoffs from the bot, roles that limit what an agent sees, agent tokens."""
