#!/usr/bin/env python3
"""The seed's client.py, rebuilt from its README (shared/seed) for the benchmarks only: bench/compare.sh times it
against monitor on the same mock cluster API. Its source is not kept, so this follows the description, function
by function: requests for the HTTP calls, a multiprocessing pool of 2 for the servers' details, a JSON file that
is reused while younger than FREQ minutes, pandas for the table, the means and the unhealthy services.

    python3 bench/seed_client.py --port PORT [--printservers] [--avg] [--unhealthyservices] [--service NAME]
"""
import argparse
import json
import os
import time
from multiprocessing import Pool

import pandas as pd
import requests

GET_REQ_HEADER = {"Accept": "application/json"}
DATA_JSON_PATH = os.environ.get("SEED_DATA_JSON", "data.json")
FREQ = 2  # minutes a saved file stays valid
HEALTH_COUNT = 2  # healthy servers a service needs
CPU_LIMIT = 80
MEMORY_LIMIT = 80

PORT = None


def get_servers():
    response = requests.get(f"http://localhost:{PORT}/servers", headers=GET_REQ_HEADER)
    return response.json()


def get_server_details(server_ip):
    response = requests.get(f"http://localhost:{PORT}/{server_ip}", headers=GET_REQ_HEADER)
    details = response.json()
    details["ip"] = server_ip
    return details


def get_all_data():
    servers = get_servers()
    with Pool(2) as pool:
        data = pool.map(get_server_details, servers)
    with open(DATA_JSON_PATH, "w") as file:
        json.dump(data, file)
    return data


def check_data_validity():
    if not os.path.exists(DATA_JSON_PATH):
        return False
    return time.time() - os.path.getmtime(DATA_JSON_PATH) < FREQ * 60


def frame(data):
    df = pd.DataFrame(data)
    df["cpu"] = df["cpu"].str.rstrip("%").astype(float)
    df["memory"] = df["memory"].str.rstrip("%").astype(float)
    df["status"] = ["Healthy" if cpu < CPU_LIMIT and memory < MEMORY_LIMIT else "Unhealthy"
                    for cpu, memory in zip(df["cpu"], df["memory"])]
    return df


def print_services(df, service=None):
    if service is not None:
        df = df[df["service"] == service]
    print(df[["ip", "service", "status", "cpu", "memory"]].to_string(index=False))


def get_service_avg(df):
    print(df.groupby("service")[["cpu", "memory"]].mean().round(2).to_string())


def find_unhealthy(df):
    healthy = df[df["status"] == "Healthy"].groupby("service").size()
    counts = healthy.reindex(df["service"].unique(), fill_value=0)
    unhealthy = counts[counts < HEALTH_COUNT]
    if unhealthy.empty:
        print("All services healthy")
    else:
        print(unhealthy.to_string())


def main():
    global PORT
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", required=True)
    parser.add_argument("--printservers", action="store_true")
    parser.add_argument("--avg", action="store_true")
    parser.add_argument("--unhealthyservices", action="store_true")
    parser.add_argument("--service")
    args = parser.parse_args()
    PORT = args.port

    if check_data_validity():
        with open(DATA_JSON_PATH) as file:
            data = json.load(file)
    else:
        data = get_all_data()
    df = frame(data)
    if args.printservers:
        print_services(df)
    if args.avg:
        get_service_avg(df)
    if args.unhealthyservices:
        find_unhealthy(df)
    if args.service:
        print_services(df, args.service)


if __name__ == "__main__":
    main()
