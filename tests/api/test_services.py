"""Services: created, listed, changed, published and withdrawn by their
specialist only; unpublished ones invisible to everyone else."""
from confer_harness import assert_problem

SERVICE = {"title": "Career strategy session", "description": "One hour, one plan.",
           "duration": 60, "price": 9900, "currency": "USD", "tags": ["career"],
           "cancellationPolicy": {"deadlineHours": 24, "refund": "percentage",
                                  "refundPercentage": 50}}


def test_a_specialist_creates_and_lists_a_service(client):
    owner = client.signup("specialist")
    response = client.post("/api/services", token=owner["accessToken"], json=SERVICE)
    assert response.status_code == 201, response.text
    service = response.json()
    assert service["price"] == 9900 and service["currency"] == "USD" and service["published"]
    assert service["cancellationPolicy"] == {"deadlineHours": 24, "refund": "percentage",
                                             "refundPercentage": 50}
    assert response.headers["Location"] == f"/api/services/{service['id']}"
    listed = client.get(f"/api/services?specialistId={owner['user']['id']}").json()["items"]
    assert [s["id"] for s in listed] == [service["id"]]
    assert client.get(f"/api/services/{service['id']}").json()["title"] == SERVICE["title"]


def test_service_fields_are_validated(client):
    token = client.signup("specialist")["accessToken"]
    response = client.post("/api/services", token=token, json={
        "title": "", "duration": 3, "price": -1, "currency": "usd",
        "cancellationPolicy": {"refund": "sometimes"}})
    errors = assert_problem(response, 422)["errors"]
    assert {"title", "duration", "price", "currency", "cancellationPolicy.refund"} <= set(errors)
    assert "title" in assert_problem(client.post("/api/services", token=token, json={}), 422)["errors"]


def test_zero_decimal_currencies_and_free_services_are_fine(client):
    token = client.signup("specialist")["accessToken"]
    yen = client.post("/api/services", token=token, json={**SERVICE, "price": 5000, "currency": "JPY"})
    assert yen.status_code == 201 and yen.json()["price"] == 5000
    free = client.post("/api/services", token=token, json={**SERVICE, "price": 0})
    assert free.status_code == 201


def test_only_specialists_create_and_only_the_owner_changes(client):
    customer = client.signup("customer")["accessToken"]
    assert_problem(client.post("/api/services", token=customer, json=SERVICE), 403)
    owner = client.signup("specialist")["accessToken"]
    other = client.signup("specialist")["accessToken"]
    service = client.post("/api/services", token=owner, json=SERVICE).json()
    assert_problem(client.put(f"/api/services/{service['id']}", token=other, json={"price": 1}), 404)
    assert_problem(client.delete(f"/api/services/{service['id']}", token=other), 404)
    updated = client.put(f"/api/services/{service['id']}", token=owner, json={"price": 12000})
    assert updated.status_code == 200 and updated.json()["price"] == 12000
    assert updated.json()["title"] == SERVICE["title"]


def test_unpublished_and_deleted_services_are_hidden(client):
    owner = client.signup("specialist")
    token = owner["accessToken"]
    service = client.post("/api/services", token=token, json=SERVICE).json()
    path = f"/api/services/{service['id']}"
    assert client.post(path + "/unpublish", token=token).json()["published"] is False
    assert_problem(client.get(path), 404)
    assert client.get(path, token=token).status_code == 200
    listing = f"/api/services?specialistId={owner['user']['id']}"
    assert client.get(listing).json()["items"] == []
    assert len(client.get(listing, token=token).json()["items"]) == 1
    assert client.post(path + "/publish", token=token).json()["published"] is True
    assert client.delete(path, token=token).status_code == 204
    assert_problem(client.get(path, token=token), 404)
    assert client.get(listing, token=token).json()["items"] == []


def test_listing_needs_a_specialist(client):
    assert_problem(client.get("/api/services"), 422)
