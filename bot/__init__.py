"""The Rasa project around the model: domain, endpoints, credentials and our Rasa plug-ins."""
