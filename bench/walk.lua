-- wrk (LuaJIT, Lua 5.1) script: asks the mock cluster API for each of its servers in turn (GET /<ip>), as monitor does,
-- instead of hammering one path. Addresses follow MockFleet.address: 10.58.1.1 ... 10.58.1.254, 10.58.2.1, ...
-- Each wrk thread starts at its own place in the fleet. Usage: wrk ... -s walk.lua URL -- SERVERS

local servers = 150
local threads = {}
local index = 0

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   servers = tonumber(args[1]) or servers
   -- #threads is not known here; spreading the starts by a large prime is enough to keep threads apart.
   index = (id * 7919) % servers
end

local function address(i)
   local block = math.floor(i / 254)
   return "10." .. (58 + math.floor(block / 255)) .. "." .. (1 + block % 255) .. "." .. (1 + i % 254)
end

function request()
   local path = "/" .. address(index)
   index = (index + 1) % servers
   return wrk.format("GET", path)
end
