"""The marketplace: searching specialists and their public pages."""
import time

from confer_harness import assert_problem


def make_specialist(client, name, specialties, languages, price, hours=True, days=("wednesday",)):
    data = client.signup("specialist", name=name)
    token = data["accessToken"]
    client.patch("/api/specialists/me", token=token, json={
        "headline": f"{name} helps", "specialties": specialties, "languages": languages})
    if hours:
        client.post("/api/availability", token=token, json={
            "timezone": "Europe/Berlin", "maxAdvanceBooking": 730, "slotDuration": [60],
            "workingHours": {day: {"start": "09:00", "end": "12:00"} for day in days}})
    client.post("/api/services", token=token, json={"title": "Session", "duration": 60,
                                                    "price": price, "currency": "EUR"})
    return data["user"]["id"]


def test_search_filters_by_text_specialty_language_price_and_date(client):
    tag = "tag" + client.signup()["user"]["id"][-12:]  # unique per run
    a = make_specialist(client, "Alma Zorn", [tag, "career"], ["de"], 5000)
    b = make_specialist(client, "Bert Yu", [tag], ["en"], 20000, hours=False)

    def ids(**params):
        response = client.get("/api/specialists", params={"specialty": tag, **params})
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert ids() == [a, b]
    assert ids(q="zorn") == [a]
    assert ids(q="ZOR hel") == [a]  # each word as the start of a word, in any case
    assert ids(q="orn") == []
    assert ids(language="en") == [b]
    assert ids(minPrice=10000, currency="EUR") == [b]
    assert ids(maxPrice=10000, currency="EUR") == [a]
    # The same amounts in another currency are no match; a range needs its currency.
    assert ids(minPrice=1, currency="USD") == []
    problem = assert_problem(client.get("/api/specialists", params={"maxPrice": 10000}), 422)
    assert "currency" in problem["errors"], problem
    assert ids(availableOn="2027-03-17") == [a]  # a Wednesday; Bert has no hours
    assert ids(availableOn="2027-03-18") == []
    page = client.get("/api/specialists", params={"specialty": tag, "pageSize": 1, "page": 2}).json()
    assert page["total"] == 2 and [i["id"] for i in page["items"]] == [b]
    # Keyset: nextAfter leads on from the last one seen.
    first = client.get("/api/specialists", params={"specialty": tag, "pageSize": 1}).json()
    assert [i["id"] for i in first["items"]] == [a] and first["nextAfter"] == a
    second = client.get("/api/specialists",
                        params={"specialty": tag, "pageSize": 1, "after": first["nextAfter"]}).json()
    assert [i["id"] for i in second["items"]] == [b] and second["nextAfter"] is None
    assert second["total"] == 2
    assert "after" in assert_problem(
        client.get("/api/specialists", params={"after": "nobody"}), 422)["errors"]
    assert_problem(client.get("/api/specialists?pageSize=1000"), 422)
    assert_problem(client.get("/api/specialists?availableOn=tomorrow"), 422)


def test_cards_show_the_next_free_time_and_sort_soonest_first(client):
    tag = "tag" + client.signup()["user"]["id"][-12:]
    weekly = make_specialist(client, "Ana Weekly", [tag], ["en"], 5000)
    none = make_specialist(client, "Ben None", [tag], ["en"], 5000, hours=False)
    daily = make_specialist(client, "Cy Daily", [tag], ["en"], 5000, days=(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))

    def cards(**params):
        response = client.get("/api/specialists", params={"specialty": tag, **params})
        assert response.status_code == 200, response.text
        return response.json()["items"]

    by_name = cards()
    assert [c["id"] for c in by_name] == [weekly, none, daily]
    for card in by_name:
        profile = client.get(f"/api/specialists/{card['id']}").json()
        first = profile["nextAvailable"][0]["start"] if profile["nextAvailable"] else None
        assert card["nextAvailableAt"] == first, card  # the same slot as the profile's first
    assert by_name[1]["nextAvailableAt"] is None
    # The order follows the index, which the server refreshes a moment after
    # each change (the times shown never wait for it).
    deadline = time.monotonic() + 10
    while [c["id"] for c in cards(sort="soonest")] != [daily, weekly, none]:
        assert time.monotonic() < deadline, cards(sort="soonest")
        time.sleep(0.2)
    page = client.get("/api/specialists",
                      params={"specialty": tag, "sort": "soonest", "pageSize": 1, "page": 2}).json()
    assert [c["id"] for c in page["items"]] == [weekly] and page["total"] == 3
    assert "sort" in assert_problem(client.get("/api/specialists?sort=price"), 422)["errors"]
    assert "after" in assert_problem(
        client.get("/api/specialists", params={"sort": "soonest", "after": daily}), 422)["errors"]


def test_a_public_profile_shows_services_and_next_times_but_no_email(client):
    tag = "tag" + client.signup()["user"]["id"][-12:]
    specialist_id = make_specialist(client, "Cleo Park", [tag], ["en"], 7500)
    response = client.get(f"/api/specialists/{specialist_id}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Cleo Park" and body["priceFrom"] == {"amount": 7500, "currency": "EUR"}
    assert [s["price"] for s in body["services"]] == [7500]
    assert body["nextAvailable"] and body["nextAvailable"][0]["slotId"]
    assert "@" not in response.text
    customer = client.signup()["user"]["id"]
    assert_problem(client.get(f"/api/specialists/{customer}"), 404)
