"""A slot list one server has just served (and may keep ready) changes on
its very next request when another server process on the same database
changes the rules, a block, a booking or a service."""
import requests

from confer_harness import Client, ConferServer

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def rules(end):
    return {"timezone": "UTC", "workingHours": {d: {"start": "09:00", "end": end} for d in DAYS},
            "slotDuration": [60], "maxAdvanceBooking": 730}


def test_changes_made_through_another_process_show_at_once(server):
    first = Client(server)
    other_server = ConferServer(database_url=server.env.get("DATABASE_URL"),
                                data_dir=server.data_dir).start()  # same DATA_DIR: same JWT secret
    try:
        second = Client(other_server)
        data = first.signup("specialist")
        token, specialist = data["accessToken"], data["user"]["id"]
        availability = first.post("/api/availability", token=token, json=rules("12:00")).json()
        service = first.post("/api/services", token=token, json={
            "title": "Free hour", "duration": 60, "price": 0, "currency": "USD"}).json()

        def starts():
            response = first.get(f"/api/specialists/{specialist}/slots",
                                 params={"from": "2027-06-02", "to": "2027-06-02"})
            assert response.status_code == 200, response.text
            return [s["start"][11:16] for s in response.json()["slots"]]

        assert starts() == ["09:00", "10:00", "11:00"]
        assert starts() == ["09:00", "10:00", "11:00"]

        assert second.put(f"/api/availability/{availability['id']}", token=token,
                          json=rules("11:00")).status_code == 200
        assert starts() == ["09:00", "10:00"]

        nine = f"{service['id']}.{1811926800}"
        assert second.post(f"/api/availability/slots/{nine}/block", token=token,
                           json={"reason": "dentist"}).status_code == 200
        assert starts() == ["10:00"]
        assert second.put(f"/api/slots/{nine}", token=token,
                          json={"status": "available"}).status_code == 200
        assert starts() == ["09:00", "10:00"]

        customer = second.signup("customer")["accessToken"]
        booked = second.post("/api/bookings", token=customer, json={"slotId": nine})
        assert booked.status_code == 201, booked.text
        assert starts() == ["10:00"]
        assert second.delete(f"/api/bookings/{booked.json()['id']}", token=customer,
                             json={"reason": "plans changed"}).status_code == 200
        assert starts() == ["09:00", "10:00"]

        assert second.post(f"/api/services/{service['id']}/unpublish",
                           token=token).status_code == 200
        assert starts() == []
    finally:
        assert other_server.stop() == 0
        other_server.cleanup()


def test_a_reused_slot_list_answers_get_and_head_alike(client, server):
    data = client.signup("specialist")
    token, specialist = data["accessToken"], data["user"]["id"]
    client.post("/api/availability", token=token, json=rules("12:00"))
    client.post("/api/services", token=token, json={
        "title": "Free hour", "duration": 60, "price": 0, "currency": "USD"})
    url = server.url(f"/api/specialists/{specialist}/slots?from=2027-06-02&to=2027-06-09")
    for coding in ("identity", "gzip"):
        headers = {"Accept-Encoding": coding}
        first = requests.get(url, headers=headers, timeout=10, stream=True)  # computed
        again = requests.get(url, headers=headers, timeout=10, stream=True)  # reused
        first_bytes, again_bytes = first.raw.read(decode_content=False), again.raw.read(decode_content=False)
        assert first.status_code == again.status_code == 200
        assert first.headers.get("Content-Encoding", "identity") == coding
        assert first_bytes == again_bytes
        assert again.headers["Content-Length"] == str(len(again_bytes))
        head = requests.head(url, headers=headers, timeout=10)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["Content-Length"] == str(len(first_bytes))
    assert len(requests.get(url, timeout=10).json()["slots"]) == 24
