"""Candor's custom actions for the rasa_sdk action server.

Each topic module holds thin ``Action`` classes that read the tracker, call the plain
functions in :mod:`actions.service` and utter a response from the domain. rasa_sdk imports
every module of this package and registers every concrete ``Action`` it finds.
"""
